import { describe, expect, it } from 'vitest';
import { FRAME, smallMultiplesLayout, uniformFacets } from './small-multiples';

describe('smallMultiplesLayout', () => {
  it('places 9 windows of 9×9 on a 3×3 grid, each cell with its full index', () => {
    const l = smallMultiplesLayout([9, 9, 9], { wrap: 3, maxWidth: 400, gap: 12, labelHeight: 16 });
    expect(l.cell).toBe(12);
    expect(l.facets).toHaveLength(9);
    expect(l.cells).toHaveLength(729);
    expect(l.facets[4]).toEqual({
      f: 4,
      x: FRAME + 108 + 12,
      y: 16 + 108 + 12 + 16,
      w: 108,
      h: 108
    });
    const c = l.cells.find((k) => k.flat === 8 * 81 + 2 * 9 + 5)!;
    expect(c.index).toEqual([8, 2, 5]);
    expect(c.x).toBe(l.facets[8].x + 5 * 12);
    expect(c.y).toBe(l.facets[8].y + 2 * 12);
    expect(l.width).toBe(3 * 108 + 2 * 12 + 2 * FRAME);
    expect(l.height).toBe(3 * (108 + 16) + 2 * 12 + FRAME);
  });
  it('draws a prefix of the facets when there are too many cells, and says so', () => {
    const l = smallMultiplesLayout([64, 64, 64], { maxCells: 8192 });
    expect(l.facetCount).toBe(64);
    expect(l.facetsDrawn).toBe(2);
    expect(l.cells).toHaveLength(2 * 4096);
  });
  it('shrinks cells to fit the width, never below 2 px', () => {
    expect(smallMultiplesLayout([8, 16, 16], { wrap: 8, maxWidth: 400 }).cell).toBe(2);
  });
  it('refuses a shape that is not 3-D', () => {
    expect(() => smallMultiplesLayout([4, 4])).toThrow('3-D');
  });
});

describe('uniformFacets', () => {
  it('finds the all-zero facets', () => {
    expect(uniformFacets([0, 0, 0, 0, -100, 0, 0, 0, 0, 0, 0, 0], [3, 2, 2])).toEqual([0, 2]);
  });
});
