import { describe, expect, it } from 'vitest';
import { defaultGrid, gridLayout, moveFocus } from './grid-layout';
import { interpolatePuOr, rgb } from 'd3';
import { contrast, formatValue, PUOR_STEPS, textOn, valueScale } from './color';

describe('gridLayout', () => {
  it('lays out channels-last 4-D as H×W per (B, C) facet with full indices', () => {
    const l = gridLayout([2, 3, 4, 2], 'x', defaultGrid(4), { cell: 10, gap: 5, labelHeight: 0 });
    expect(l.facetCount).toBe(4);
    expect(l.cells).toHaveLength(2 * 3 * 4 * 2);
    // Facet order is (b, c) row-major: facet 1 is b=0, c=1.
    expect(l.facets[1].label).toBe('x[0, :, :, 1]');
    const cell = l.cells.find((c) => c.facet === 1 && c.row === 2 && c.col === 3)!;
    expect(cell.index).toEqual([0, 2, 3, 1]);
    expect(cell.flat).toBe(((0 * 3 + 2) * 4 + 3) * 2 + 1);
    // Every flat offset appears exactly once.
    expect(new Set(l.cells.map((c) => c.flat)).size).toBe(48);
  });

  it('wraps facets to the width and honours an explicit wrap; labels never overlap', () => {
    const l = gridLayout(
      [6, 2, 2, 1],
      'w',
      { rows: 1, cols: 2, facets: [0, 3], wrap: 3 },
      {
        cell: 10,
        gap: 5,
        labelHeight: 0
      }
    );
    // Each slice is as wide as its label "w[0, :, :, 0]" (15 characters ≈ 101 px), not 2 cells.
    const step = 101 + 5;
    expect(l.facets.map((f) => [f.x, f.y])).toEqual([
      [0, 0],
      [step, 0],
      [2 * step, 0],
      [0, 25],
      [step, 25],
      [2 * step, 25]
    ]);
    expect(l.width).toBe(3 * 101 + 2 * 5);
  });

  it('draws a prefix of the facets when a tensor is too large', () => {
    const l = gridLayout([100, 8, 8, 1], 'w', defaultGrid(4), { maxCells: 640 });
    expect(l.facetsDrawn).toBe(10);
    expect(l.facetCount).toBe(100);
    expect(l.cells).toHaveLength(640);
  });

  it('shrinks cells as the drawn cells multiply', () => {
    expect(gridLayout([8, 4, 4], 'a').cell).toBe(34);
    expect(gridLayout([4, 2, 16, 16], 'attn', { rows: 2, cols: 3, facets: [0, 1] }).cell).toBe(22);
    expect(gridLayout([64, 2, 16, 16], 'attn', { rows: 2, cols: 3, facets: [0, 1] }).cell).toBe(16);
  });

  it('handles 1-D and 2-D tensors', () => {
    expect(gridLayout([5], 'v').cells.map((c) => c.index)).toEqual([[0], [1], [2], [3], [4]]);
    const m = gridLayout([2, 3], 'm', defaultGrid(2), { cell: 10 });
    expect(m.cells[4]).toMatchObject({ index: [1, 1], x: 10, y: 28, row: 1, col: 1 });
  });
});

describe('moveFocus', () => {
  const l = gridLayout([2, 2, 3], 't', defaultGrid(3), { cell: 10 });
  it('moves by arrows inside a facet and across facets', () => {
    expect(moveFocus(l, 0, 'ArrowRight')).toBe(1);
    expect(moveFocus(l, 0, 'ArrowDown')).toBe(3);
    // Down from a slice's last row: the next slice's first row (rows run on, slice after slice).
    expect(moveFocus(l, 3, 'ArrowDown')).toBe(6);
    expect(moveFocus(l, 3, 'PageDown')).toBe(9);
    expect(moveFocus(l, 0, 'ArrowLeft')).toBe(0);
    // Home/End: the row's ends (cell 7 is facet 1, row 0, column 1).
    expect(moveFocus(l, 7, 'Home')).toBe(6);
    expect(moveFocus(l, 7, 'End')).toBe(8);
    expect(moveFocus(l, 7, { key: 'End', ctrlKey: true })).toBe(11);
    expect(moveFocus(l, 0, 'x')).toBe(-1);
  });
});

describe('colour', () => {
  it('is symmetric for signed data and viridis for one-signed', () => {
    const s = valueScale([-1, 0.5, 2]);
    expect(s.signed).toBe(true);
    expect(s.domain).toEqual([-2, 2]);
    expect(valueScale([0, 1, 4]).signed).toBe(false);
    expect(valueScale([]).domain).toEqual([0, 1]);
  });
  it('colours signed values from a table within one 8-bit step of the PuOr spline', () => {
    const s = valueScale([-3, 1]);
    const spline = (v: number) => rgb(interpolatePuOr(1 - (v + 3) / 6));
    for (let v = -3.5; v <= 3.5; v += 0.0137) {
      const a = rgb(s.color(v));
      const b = spline(Math.min(3, Math.max(-3, v)));
      expect(
        Math.max(Math.abs(a.r - b.r), Math.abs(a.g - b.g), Math.abs(a.b - b.b))
      ).toBeLessThanOrEqual(1);
    }
    // The ends and zero are the spline's exactly; NaN is d3's answer for an unknown value.
    expect(s.color(-3)).toBe(interpolatePuOr(1));
    expect(s.color(0)).toBe(interpolatePuOr(0.5));
    expect(s.color(3)).toBe(interpolatePuOr(0));
    expect(s.color(Number.NaN)).toBeUndefined();
    expect(PUOR_STEPS).toBeGreaterThanOrEqual(512);
  });
  it('picks readable text', () => {
    expect(textOn('rgb(253, 231, 37)')).toBe('#000');
    expect(textOn('rgb(68, 1, 84)')).toBe('#fff');
  });
  it('keeps every value drawn on any scale colour at 4.5:1 or more', () => {
    for (const s of [valueScale([0, 1]), valueScale([-1, 1])])
      for (let t = 0; t <= 1; t += 0.01) {
        const fill = s.color(s.domain[0] + t * (s.domain[1] - s.domain[0]));
        expect(contrast(textOn(fill), fill)).toBeGreaterThanOrEqual(4.5);
      }
    // The worst case of black or white over all greys.
    for (let v = 0; v <= 255; v++)
      expect(contrast(textOn(`rgb(${v},${v},${v})`), `rgb(${v},${v},${v})`)).toBeGreaterThan(4.5);
  });
  it('formats values', () => {
    expect(formatValue(3, 'int32')).toBe('3');
    expect(formatValue(0.12345, 'float32')).toBe('0.12');
    expect(formatValue(3.78e-44, 'float32')).toBe('4e-44');
    expect(formatValue(-100, 'float32')).toBe('-100');
  });
});
