import { describe, expect, it } from 'vitest';
import { blockCells, matmulLayout } from './matmul-layout';

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
