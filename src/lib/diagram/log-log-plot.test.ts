import { describe, expect, it } from 'vitest';
import { plotLayout, powerOfTen } from './log-log-plot';

describe('plotLayout', () => {
  const xs = [8, 16, 32, 64];
  const series = [
    { id: 'a', label: 'a', values: [64 ** 2, 256 ** 2, 1024 ** 2, 4096 ** 2] },
    { id: 'b', label: 'b', values: [10, 10, 10, 10] }
  ];
  const L = plotLayout(xs, series, { width: 400, height: 200 });
  it('maps x on a log axis across the inner width', () => {
    expect(L.lines[0].points[0].x).toBeCloseTo(L.margin.left);
    expect(L.lines[0].points[3].x).toBeCloseTo(400 - L.margin.right);
    // equal ratios, equal steps
    const [p0, p1, p2] = L.lines[0].points;
    expect(p1.x - p0.x).toBeCloseTo(p2.x - p1.x);
  });
  it('a constant series is a horizontal line; a growing one rises', () => {
    const ys = L.lines[1].points.map((p) => p.y);
    expect(new Set(ys.map((v) => v.toFixed(6))).size).toBe(1);
    expect(L.lines[0].points[3].y).toBeLessThan(L.lines[0].points[0].y);
  });
  it('y ticks are powers of ten covering the data; lines differ in colour and dash', () => {
    expect(L.yTicks[0].label).toBe('10¹');
    expect(L.yTicks.at(-1)!.label).toMatch(/^10/);
    expect(L.lines[0].color).not.toBe(L.lines[1].color);
    expect(L.lines[0].dash).not.toBe(L.lines[1].dash);
    expect(L.lines[0].d.startsWith('M')).toBe(true);
  });
  it('powerOfTen formats exponents', () => {
    expect(powerOfTen(1e6)).toBe('10⁶');
    expect(powerOfTen(1e12)).toBe('10¹²');
    expect(powerOfTen(1)).toBe('10⁰');
  });
});
