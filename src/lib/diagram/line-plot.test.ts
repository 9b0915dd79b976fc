import { describe, expect, it } from 'vitest';
import { LABEL_GAP, linePlot } from './line-plot';

describe('linePlot', () => {
  const series = [
    { name: 'a', points: [1, 2, 4].map((x) => ({ x, y: 10 ** x })) },
    { name: 'b', points: [1, 2, 4].map((x) => ({ x, y: 10 })) }
  ];
  it('maps x linearly and y on a log scale into the margins', () => {
    const p = linePlot(series, { width: 400, height: 200 });
    expect(p.x(1)).toBe(p.margin.left);
    expect(p.x(4)).toBe(400 - p.margin.right);
    // Equal ratios are equal distances on the log axis.
    expect(p.y(10) - p.y(100)).toBeCloseTo(p.y(100) - p.y(1000), 6);
    expect(p.paths.map((s) => s.name)).toEqual(['a', 'b']);
    expect(p.paths[0].d.startsWith('M')).toBe(true);
  });
  it('y ticks are powers of ten', () => {
    const p = linePlot(series);
    expect(p.yTicks.every((t) => Number.isInteger(Math.log10(t.v)))).toBe(true);
  });
  it('end labels of coinciding series do not overlap', () => {
    const same = [0, 1].map((k) => ({ name: `s${k}`, points: [1, 2].map((x) => ({ x, y: 100 })) }));
    const [a, b] = linePlot(same).paths;
    expect(Math.abs(a.labelY - b.labelY)).toBeGreaterThanOrEqual(LABEL_GAP);
  });
  it('x ticks keep three-digit labels apart, down to a phone width', () => {
    const wide = [{ name: 'w', points: [4, 96, 192].map((x) => ({ x, y: x * x })) }];
    for (const width of [260, 303, 520]) {
      const ticks = linePlot(wide, { width }).xTicks;
      // At the 260-px floor the axis is 86 px: one label (100) rather than crowded ones.
      expect(ticks.length, `width ${width}`).toBeGreaterThanOrEqual(width < 300 ? 1 : 2);
      // Labels of up to 3 digits are ~20 px wide at 11 px.
      for (let i = 1; i < ticks.length; i++)
        expect(ticks[i].pos - ticks[i - 1].pos, `width ${width}`).toBeGreaterThanOrEqual(24);
    }
  });
});
