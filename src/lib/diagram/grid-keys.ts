/**
 * Keyboard moves inside a tensor drawn as a grid, the WAI-ARIA grid pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/grid/): cells are numbered slice by slice, row by row
 * (the order of grid-layout.ts and small-multiples.ts). Pure, unit-tested.
 *
 * ←/→ a cell within its row; ↑/↓ a row (past the slice's edge, into the neighbouring slice);
 * Home/End the row's first/last cell; Ctrl+Home/End the first/last cell of the tensor;
 * PageUp/PageDown the same row and column in the previous/next slice (facet).
 */
/** What the keys do in a tensor grid (see grid-keys.ts), as its description for screen readers. */
export const GRID_KEYS =
  'Arrow keys move between cells; Home and End go to the ends of a row, Control+Home and ' +
  'Control+End to the first and last cell; Page Up and Page Down move to the previous or next slice.';

export interface GridShape {
  /** Cells drawn, all slices together. */
  count: number;
  /** Rows and columns of one slice. */
  rows: number;
  cols: number;
}

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** The cell a key moves to from cell `from`: clamped at the edges; −1 if the key is not a move. */
export function gridMove(g: GridShape, from: number, e: GridKey): number {
  if (from < 0 || from >= g.count) return -1;
  const cols = Math.max(1, g.cols);
  const per = Math.max(1, g.rows) * cols;
  const rowStart = from - (from % cols);
  const rowEnd = Math.min(rowStart + cols, g.count) - 1;
  const go = (i: number) => (i >= 0 && i < g.count ? i : from);
  const ctrl = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case 'ArrowRight':
      return Math.min(from + 1, rowEnd);
    case 'ArrowLeft':
      return Math.max(from - 1, rowStart);
    case 'ArrowDown':
      return go(from + cols);
    case 'ArrowUp':
      return go(from - cols);
    case 'PageDown':
      return go(from + per);
    case 'PageUp':
      return go(from - per);
    case 'Home':
      return ctrl ? 0 : rowStart;
    case 'End':
      return ctrl ? g.count - 1 : rowEnd;
    default:
      return -1;
  }
}
