import { describe, expect, it } from 'vitest';
import { patchLayout } from './patch-layout';

describe('patchLayout', () => {
  it('places a cell per grid position and marks the padding ring', () => {
    const l = patchLayout(4, 5, [], { padding: 1, maxWidth: 100, maxCell: 40 });
    expect(l.cell).toBe(20);
    expect(l.width).toBe(100);
    expect(l.height).toBe(80);
    expect(l.cells).toHaveLength(20);
    const pads = l.cells.filter((c) => c.pad).map((c) => `${c.y},${c.x}`);
    expect(pads).toHaveLength(20 - 2 * 3);
    expect(pads).not.toContain('1,1');
    expect(l.cells[7]).toMatchObject({ y: 1, x: 2, px: 40, py: 20, pad: false });
  });
  it('draws each patch as a k×k box at its top-left cell, inset so overlaps stay visible', () => {
    const l = patchLayout(
      5,
      5,
      [
        { id: 0, y: 0, x: 0, size: 3 },
        { id: 1, y: 0, x: 1, size: 3 }
      ],
      { maxWidth: 50 }
    );
    expect(l.cell).toBe(10);
    expect(l.boxes[0]).toEqual({ id: 0, px: 1, py: 1, w: 28, h: 28, inset: 1 });
    expect(l.boxes[1]).toEqual({ id: 1, px: 12, py: 2, w: 26, h: 26, inset: 2 });
  });
  it('never shrinks a cell below 6 px', () => {
    expect(patchLayout(200, 200, []).cell).toBe(6);
  });
});
