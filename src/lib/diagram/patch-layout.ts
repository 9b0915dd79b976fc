/**
 * Pure layout of sliding patches over a (padded) grid: the grid's cells, which of them are padding,
 * and one rectangle per patch. Grid size and patch boxes in, pixel positions out; no DOM.
 */
export interface PatchBoxIn {
  /** Patch id (the unfold column l). */
  id: number;
  /** Top-left cell of the patch in the grid. */
  y: number;
  x: number;
  size: number;
}
export interface PatchLayout {
  cell: number;
  width: number;
  height: number;
  cells: { y: number; x: number; px: number; py: number; pad: boolean }[];
  boxes: { id: number; px: number; py: number; w: number; h: number; inset: number }[];
}

export function patchLayout(
  rows: number,
  cols: number,
  boxes: readonly PatchBoxIn[],
  opts: { padding?: number; maxWidth?: number; maxCell?: number } = {}
): PatchLayout {
  const { padding = 0, maxWidth = 420, maxCell = 28 } = opts;
  const cell = Math.max(6, Math.min(maxCell, Math.floor(maxWidth / Math.max(cols, rows, 1))));
  const cells: PatchLayout['cells'] = [];
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < cols; x++) {
      const pad = y < padding || x < padding || y >= rows - padding || x >= cols - padding;
      cells.push({ y, x, px: x * cell, py: y * cell, pad });
    }
  // Overlapping outlines are told apart by a small inset that cycles with the patch id.
  const out = boxes.map((b) => {
    const inset = 1 + (b.id % 3);
    return {
      id: b.id,
      px: b.x * cell + inset,
      py: b.y * cell + inset,
      w: b.size * cell - 2 * inset,
      h: b.size * cell - 2 * inset,
      inset
    };
  });
  return { cell, width: cols * cell, height: rows * cell, cells, boxes: out };
}
