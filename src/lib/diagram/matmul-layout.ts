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
 * The layout whose drawing, with `labelLeft(layout)` px of label room added on its left, fits
 * `width` px (a phone's column), so its labels keep their size instead of the whole drawing
 * scaling down. The room depends on the cell size (a label ends where bᵀ starts), so the widest
 * `maxWidth` that fits is found by stepping down; at the 6-px cell floor the drawing may still be
 * wider, and the caller scales it. A width ≥ the natural drawing (maxWidth 640) gives that one.
 */
export function matmulLayoutWithin(
  n: number,
  m: number,
  d: number,
  width: number,
  labelLeft: (L: MatmulLayout) => number
): MatmulLayout {
  let maxWidth = 640;
  let L = matmulLayout(n, m, d, maxWidth);
  // Each step takes off the overflow; the cell shrinks by at least a pixel, so this ends by 20.
  for (let k = 0; k < 20 && L.cell > 6; k++) {
    const over = L.width + labelLeft(L) - width;
    if (over <= 0) break;
    maxWidth -= Math.max(over, d + m);
    L = matmulLayout(n, m, d, maxWidth);
  }
  return L;
}
