/**
 * The permutation between PatchMerging's channel order (x_cat: x0, x1, x2, x3 blocks of C) and
 * PixelUnshuffle's (channel-major: c·4 + i·2 + j), read from provenance: both ops were run on the
 * same index tensor, so the table is computed by the real ops, not by the formula it is checked against.
 */
import { unravel } from '$lib/tensor/snapshot';

export interface ChannelRow {
  /** Channel k of x_cat. */
  cat: number;
  /** Which slice it comes from (0..3 for x0..x3) and its offset in the 2×2 neighbourhood. */
  block: number;
  dy: number;
  dx: number;
  /** The channel of x it copies. */
  c: number;
  /** The channel of x_unshuffled holding the same values. */
  unshuffled: number;
  /** Whether c·4 + dy·2 + dx gives the same channel (the PixelUnshuffle formula). */
  formulaAgrees: boolean;
}

export interface Permutation {
  rows: ChannelRow[];
  /** perm[k] = x_unshuffled channel equal to x_cat channel k, at every position. */
  perm: number[];
  /** Channels at the same place in both orders. */
  fixed: number;
  /** Every position of every channel checked (B·h·w·4C pairs) and how many agreed. */
  checked: number;
  agreed: number;
}

/**
 * `catIds [B, h, w, 4C]` and `unshuffledIds [B, 4C, h, w]` are provenance (ids of x `[B, H, W, C]`).
 */
export function channelPermutation(
  catIds: ArrayLike<number>,
  unshuffledIds: ArrayLike<number>,
  xShape: readonly number[]
): Permutation {
  const [B, H, W, C] = xShape;
  const [h, w, K] = [H / 2, W / 2, 4 * C];
  const plane = h * w;
  // Where each id sits in x_unshuffled, channel by channel at position (b = 0, 0, 0).
  const unshAt = new Map<number, number>();
  for (let u = 0; u < K; u++) unshAt.set(unshuffledIds[u * plane], u);
  const rows: ChannelRow[] = [];
  for (let k = 0; k < K; k++) {
    const [, y, x, c] = unravel(catIds[k], xShape);
    const unshuffled = unshAt.get(catIds[k]) ?? -1;
    const block = Math.floor(k / C);
    rows.push({
      cat: k,
      block,
      dy: y,
      dx: x,
      c,
      unshuffled,
      formulaAgrees: unshuffled === c * 4 + y * 2 + x
    });
  }
  const perm = rows.map((r) => r.unshuffled);
  let agreed = 0;
  for (let b = 0; b < B; b++)
    for (let p = 0; p < plane; p++)
      for (let k = 0; k < K; k++) {
        const cat = catIds[(b * plane + p) * K + k];
        const unsh = unshuffledIds[(b * K + perm[k]) * plane + p];
        if (cat === unsh) agreed++;
      }
  return {
    rows,
    perm,
    fixed: rows.filter((r) => r.cat === r.unshuffled).length,
    checked: B * plane * K,
    agreed
  };
}
