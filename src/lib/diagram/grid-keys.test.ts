import { describe, expect, it } from 'vitest';
import { gridMove } from './grid-keys';

// Two slices of 3 rows × 4 columns: cell = slice·12 + row·4 + col.
const g = { count: 24, rows: 3, cols: 4 };
const at = (slice: number, row: number, col: number) => slice * 12 + row * 4 + col;

describe('gridMove', () => {
  it('moves along a row with ←/→ and stops at its ends', () => {
    expect(gridMove(g, at(0, 1, 1), { key: 'ArrowRight' })).toBe(at(0, 1, 2));
    expect(gridMove(g, at(0, 1, 3), { key: 'ArrowRight' })).toBe(at(0, 1, 3));
    expect(gridMove(g, at(0, 1, 0), { key: 'ArrowLeft' })).toBe(at(0, 1, 0));
  });

  it('moves between rows with ↑/↓, past a slice edge into the next slice, clamped at the ends', () => {
    expect(gridMove(g, at(0, 0, 2), { key: 'ArrowDown' })).toBe(at(0, 1, 2));
    expect(gridMove(g, at(0, 2, 2), { key: 'ArrowDown' })).toBe(at(1, 0, 2));
    expect(gridMove(g, at(0, 0, 2), { key: 'ArrowUp' })).toBe(at(0, 0, 2));
    expect(gridMove(g, at(1, 2, 2), { key: 'ArrowDown' })).toBe(at(1, 2, 2));
  });

  it('Home/End go to the row ends; with Ctrl (or ⌘) to the first and last cell', () => {
    expect(gridMove(g, at(1, 1, 2), { key: 'Home' })).toBe(at(1, 1, 0));
    expect(gridMove(g, at(1, 1, 2), { key: 'End' })).toBe(at(1, 1, 3));
    expect(gridMove(g, at(1, 1, 2), { key: 'Home', ctrlKey: true })).toBe(0);
    expect(gridMove(g, at(0, 1, 2), { key: 'End', metaKey: true })).toBe(23);
  });

  it('PageDown/PageUp keep row and column and change the slice', () => {
    expect(gridMove(g, at(0, 2, 1), { key: 'PageDown' })).toBe(at(1, 2, 1));
    expect(gridMove(g, at(1, 2, 1), { key: 'PageDown' })).toBe(at(1, 2, 1));
    expect(gridMove(g, at(1, 0, 3), { key: 'PageUp' })).toBe(at(0, 0, 3));
  });

  it('reaches attn_mask[8, 0, 2] of a [9, 9, 9] mask by 8 × PageDown and 2 × →', () => {
    const mask = { count: 729, rows: 9, cols: 9 };
    let i = 0;
    for (let k = 0; k < 8; k++) i = gridMove(mask, i, { key: 'PageDown' });
    for (let k = 0; k < 2; k++) i = gridMove(mask, i, { key: 'ArrowRight' });
    expect(i).toBe(8 * 81 + 2);
  });

  it('ignores other keys and positions outside the grid', () => {
    expect(gridMove(g, 0, { key: 'Enter' })).toBe(-1);
    expect(gridMove(g, 99, { key: 'ArrowRight' })).toBe(-1);
  });

  it('treats a 1-D tensor as one row', () => {
    const row = { count: 5, rows: 1, cols: 5 };
    expect(gridMove(row, 2, { key: 'End' })).toBe(4);
    expect(gridMove(row, 2, { key: 'ArrowDown' })).toBe(2);
  });
});
