/**
 * The collision demo of /relative-position-bias: summing the two shifted offsets without scaling
 * the row offset by 2·Ww − 1 maps different offsets to one index. Plain snapshots in, plain groups
 * out (no tensors), so the figure can regroup without tfjs.
 */
import type { Snapshot } from '$lib/tensor/snapshot';

/** One value of an index and the distinct offsets (Δh, Δw) that share it. */
export interface CollisionGroup {
  value: number;
  offsets: { dh: number; dw: number; fixed: number }[];
  /** Flat (i·N + j) positions of every pair with this value. */
  pairs: number[];
}

/**
 * Group the pairs of an `[N, N]` index by value, with the distinct shifted offsets behind each
 * value and the fixed index of each offset. A group with two or more offsets is a collision.
 */
export function collisionGroups(
  index: Snapshot,
  shifted: Snapshot,
  fixed: Snapshot,
  Wh: number,
  Ww: number
): CollisionGroup[] {
  const groups = new Map<number, CollisionGroup>();
  for (let f = 0; f < index.data.length; f++) {
    const value = index.data[f];
    const g = groups.get(value) ?? { value, offsets: [], pairs: [] };
    const dh = shifted.data[2 * f] - (Wh - 1);
    const dw = shifted.data[2 * f + 1] - (Ww - 1);
    if (!g.offsets.some((o) => o.dh === dh && o.dw === dw))
      g.offsets.push({ dh, dw, fixed: fixed.data[f] });
    g.pairs.push(f);
    groups.set(value, g);
  }
  return [...groups.values()].sort((a, b) => a.value - b.value);
}
