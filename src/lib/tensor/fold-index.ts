/**
 * The index tables behind `unfold` and `fold` in `fold.ts`: for each output element, the flat
 * position of the input value it copies (unfold) or of the ⌈k/s⌉² column entries it sums (fold).
 * Plain JS, built once per (H, W, k, s, p) and memoised, so the ops themselves are one `gather`.
 */

import { memo } from '$lib/memo';

// Index tables depend only on (H, W, k, s, p); keep the last few (plain arrays, not tensors,
// so a cache never holds backend memory).
const tables = memo<{ table: Int32Array; slots: number }>(32);

/** Source index (into a plane of H·W plus one zero at H·W) for every (ky, kx, oy, ox). */
export function unfoldTable(H: number, W: number, k: number, s: number, p: number): Int32Array {
  return tables(`u${H},${W},${k},${s},${p}`, () => {
    const outH = Math.floor((H + 2 * p - k) / s) + 1;
    const outW = Math.floor((W + 2 * p - k) / s) + 1;
    const table = new Int32Array(k * k * outH * outW);
    let i = 0;
    for (let ky = 0; ky < k; ky++)
      for (let kx = 0; kx < k; kx++)
        for (let oy = 0; oy < outH; oy++)
          for (let ox = 0; ox < outW; ox++) {
            const y = oy * s + ky - p;
            const x = ox * s + kx - p;
            table[i++] = y >= 0 && y < H && x >= 0 && x < W ? y * W + x : H * W;
          }
    return { table, slots: 1 };
  }).table;
}

/**
 * For every pixel (y, x), the ⌈k/s⌉² column entries that land on it, as indices into one
 * channel's flattened `[k·k·L]` columns (the zero at k·k·L fills the unused slots). Slots run
 * in increasing (ky, kx), the order in which PyTorch's col2im adds them.
 */
export function foldTable(
  H: number,
  W: number,
  k: number,
  s: number,
  p: number
): { table: Int32Array; slots: number } {
  return tables(`f${H},${W},${k},${s},${p}`, () => {
    const outH = Math.floor((H + 2 * p - k) / s) + 1;
    const outW = Math.floor((W + 2 * p - k) / s) + 1;
    const L = outH * outW;
    const n = Math.ceil(k / s);
    const sentinel = k * k * L;
    // Per axis: for coordinate y, the (ky, oy) pairs in increasing ky (= decreasing oy).
    const axis = (size: number, out: number) => {
      const ks = new Int32Array(size * n).fill(-1);
      const os = new Int32Array(size * n).fill(-1);
      for (let y = 0; y < size; y++) {
        const yp = y + p;
        let o = Math.min(Math.floor(yp / s), out - 1);
        for (let j = 0; j < n && o >= 0; j++, o--) {
          const kIdx = yp - o * s;
          if (kIdx < k) {
            ks[y * n + j] = kIdx;
            os[y * n + j] = o;
          }
        }
      }
      return { ks, os };
    };
    const ay = axis(H, outH);
    const ax = axis(W, outW);
    const slots = n * n;
    const table = new Int32Array(H * W * slots).fill(sentinel);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++)
        for (let jy = 0; jy < n; jy++) {
          const ky = ay.ks[y * n + jy];
          if (ky < 0) continue;
          for (let jx = 0; jx < n; jx++) {
            const kx = ax.ks[x * n + jx];
            if (kx < 0) continue;
            const col = ay.os[y * n + jy] * outW + ax.os[x * n + jx];
            table[(y * W + x) * slots + jy * n + jx] = (ky * k + kx) * L + col;
          }
        }
    return { table, slots };
  });
}
