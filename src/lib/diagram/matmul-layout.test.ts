import { describe, expect, it } from 'vitest';
import { blockCells, matmulLayout, matmulLayoutWithin } from './matmul-layout';

describe('matmulLayout', () => {
  it('row i of a and column j of bᵀ meet at c[i, j]', () => {
    const L = matmulLayout(16, 16, 3);
    const a = blockCells(L.a, L.cell);
    const bT = blockCells(L.bT, L.cell);
    const c = blockCells(L.c, L.cell);
    const cij = c.find((x) => x.row === 5 && x.col === 9)!;
    expect(a.filter((x) => x.row === 5).every((x) => x.y === cij.y)).toBe(true);
    expect(bT.filter((x) => x.col === 9).every((x) => x.x === cij.x)).toBe(true);
    expect(L.a.cols).toBe(L.bT.rows); // the contracted dim
    expect(L.width).toBe(L.c.x + 16 * L.cell);
  });
  it('cells stay at least 6 px and fit small widths', () => {
    expect(matmulLayout(64, 64, 48, 300).cell).toBe(6);
  });
});

describe('matmulLayoutWithin', () => {
  type L = ReturnType<typeof matmulLayout>;
  // As MatmulView: a 121-px label that ends 6 px left of bᵀ, and a 114-px label under a.
  const drawn = (L: L) => Math.max(0, 121 - (L.bT.x - 6)) + Math.max(L.width, 114);
  const withCell = (n: number, m: number, d: number, cell: number) =>
    matmulLayout(n, m, d, cell * (d + m) + 14);

  it('keeps the natural layout when the column is wide enough', () => {
    expect(matmulLayoutWithin(16, 16, 3, 800, drawn)).toEqual(matmulLayout(16, 16, 3));
  });
  it('gives the largest cells that fit a phone column', () => {
    const L = matmulLayoutWithin(16, 16, 3, 350, drawn);
    expect(drawn(L)).toBeLessThanOrEqual(350);
    expect(L.cell).toBeLessThan(matmulLayout(16, 16, 3).cell);
    expect(drawn(withCell(16, 16, 3, L.cell + 1))).toBeGreaterThan(350);
  });
  it('finds the largest fitting cell for every width and size, also below the 26-px cap', () => {
    // Small d + m leave the natural cell at its 26-px cap, far inside the 640-px budget: the
    // fitting must still shrink the cell as soon as the drawing is too wide (e.g. N 4, d 8).
    for (const [n, d] of [
      [4, 8],
      [9, 3],
      [16, 3],
      [49, 32],
      [9, 1],
      [4, 48]
    ])
      for (let width = 200; width <= 700; width += 7) {
        const L = matmulLayoutWithin(n, n, d, width, drawn);
        const what = `N ${n}, d ${d}, width ${width}`;
        if (L.cell > 6) expect(drawn(L), what).toBeLessThanOrEqual(width);
        if (L.cell < matmulLayout(n, n, d).cell)
          expect(drawn(withCell(n, n, d, L.cell + 1)), what).toBeGreaterThan(width);
      }
  });
  it('stops at the 6-px floor when nothing fits (the caller scales the drawing)', () => {
    const L = matmulLayoutWithin(64, 64, 48, 200, drawn);
    expect(L.cell).toBe(6);
    expect(drawn(L)).toBeGreaterThan(200);
  });
});
