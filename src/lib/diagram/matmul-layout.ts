/**
 * Pure layout of a matrix product drawn so the contracted dim is seen: `a [n, d]` at the bottom
 * left, `bᵀ [d, m]` at the top right, `c = a @ bᵀ [n, m]` at the bottom right, so row i of a and
 * column j of bᵀ meet at c[i, j]. Blocks in, rectangles out; no DOM.
 */
export interface Block {
  x: number;
  y: number;
  rows: number;
  cols: number;
}
export interface MatmulLayout {
  a: Block;
  bT: Block;
  c: Block;
  cell: number;
  width: number;
  height: number;
}

export function matmulLayout(
  n: number,
  m: number,
  d: number,
  maxWidth = 640,
  gap = 14
): MatmulLayout {
  const cell = Math.max(6, Math.min(26, Math.floor((maxWidth - gap) / Math.max(d + m, 1))));
  const a = { x: 0, y: d * cell + gap, rows: n, cols: d };
  const bT = { x: d * cell + gap, y: 0, rows: d, cols: m };
  const c = { x: d * cell + gap, y: d * cell + gap, rows: n, cols: m };
  return { a, bT, c, cell, width: c.x + m * cell, height: c.y + n * cell };
}

/** Cells of a block as rectangles, row-major, with their (row, col). */
export function blockCells(b: Block, cell: number) {
  return Array.from({ length: b.rows * b.cols }, (_, f) => {
    const row = Math.floor(f / b.cols);
    const col = f % b.cols;
    return { row, col, x: b.x + col * cell, y: b.y + row * cell };
  });
}

/**
 * The layout with the largest cells whose whole drawing, `drawn(layout)` px wide with its labels,
 * fits `width` px (a phone's column), so the labels keep their size instead of the whole drawing
 * scaling down. The labels' room depends on the cell size (bᵀ's label ends where bᵀ starts), so
 * cell sizes are tried from the natural one down to the 6-px floor, where the drawing may still be
 * wider (the caller scales it). A width ≥ the natural drawing gives the natural layout.
 */
export function matmulLayoutWithin(
  n: number,
  m: number,
  d: number,
  width: number,
  drawn: (L: MatmulLayout) => number,
  gap = 14
): MatmulLayout {
  let L = matmulLayout(n, m, d, 640, gap);
  // A maxWidth of cell·(d + m) + gap gives exactly that cell (at most 26 steps).
  for (let cell = L.cell - 1; cell >= 6 && drawn(L) > width; cell--)
    L = matmulLayout(n, m, d, cell * Math.max(d + m, 1) + gap, gap);
  return L;
}
