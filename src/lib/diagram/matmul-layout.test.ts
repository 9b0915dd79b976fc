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
  // A label of 121 px that ends 6 px left of bᵀ, as MatmulView's bᵀ label.
  const labelLeft = (L: ReturnType<typeof matmulLayout>) => Math.max(0, 121 - (L.bT.x - 6));
  const total = (L: ReturnType<typeof matmulLayout>) => L.width + labelLeft(L);

  it('keeps the natural layout when the column is wide enough', () => {
    expect(matmulLayoutWithin(16, 16, 3, 800, labelLeft)).toEqual(matmulLayout(16, 16, 3));
  });
  it('shrinks the cells until drawing and label fit a phone column, and no further', () => {
    const L = matmulLayoutWithin(16, 16, 3, 350, labelLeft);
    expect(total(L)).toBeLessThanOrEqual(350);
    expect(L.cell).toBeLessThan(matmulLayout(16, 16, 3).cell);
    // One pixel more per cell would not fit.
    const bigger = matmulLayout(16, 16, 3, (L.cell + 1) * 19 + 14);
    expect(bigger.cell).toBe(L.cell + 1);
    expect(total(bigger)).toBeGreaterThan(350);
  });
  it('stops at the 6-px floor when nothing fits (the caller scales the drawing)', () => {
    const L = matmulLayoutWithin(64, 64, 48, 200, labelLeft);
    expect(L.cell).toBe(6);
    expect(total(L)).toBeGreaterThan(200);
  });
});
