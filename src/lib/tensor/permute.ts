/**
 * `x.permute(*perm)` (PyTorch) for any rank, done as transposes of rank ≤ 4 — exact, it only moves
 * data. Why: tfjs-backend-wasm has fast transposes for rank ≤ 4 and a slow generic loop above;
 * on Swin stage 1 the qkv permute `(2, 0, 3, 1, 4)` of `[64, 49, 3, 3, 32]` took 67 ms as one
 * 5-D transpose and 3–4 ms as a 3-D then a 4-D one. webgl has no transpose past rank 6.
 *
 * First, input axes that stay next to each other and in order are merged (a free reshape): window
 * partition's 6-D `(0, 1, 3, 2, 4, 5)` is the 4-D `(0, 2, 1, 3)` on `[B·H/ws, ws, W/ws, ws·C]`.
 * If more than four groups remain, the permutation is built one axis at a time: moving one axis
 * to its place leaves at most four groups, so each move is one transpose of rank ≤ 4.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check } from './check';

export function permute<T extends tf.Tensor>(x: T, perm: readonly number[]): T {
  checkPerm(x, perm);
  // cpu and webgl transpose any rank up to 6 in one kernel (webgl compiles one shader per shape:
  // fewer, larger steps are cheaper there), so only wasm takes the low-rank route.
  if (tf.getBackend() !== 'wasm' && x.rank <= 6) return tf.transpose(x, [...perm]) as T;
  return permuteLowRank(x, perm);
}

/** {@link permute} as transposes of rank ≤ 4 on every backend (exported for its tests). */
export function permuteLowRank<T extends tf.Tensor>(x: T, perm: readonly number[]): T {
  checkPerm(x, perm);
  return tf.tidy(() => permuteSteps(x, perm)) as T;
}

function checkPerm(x: tf.Tensor, perm: readonly number[]): void {
  check(
    perm.length === x.rank && [...perm].sort((a, b) => a - b).every((a, i) => a === i),
    () => `perm [${perm.join(', ')}] is not a permutation of the ${x.rank} axes of x`
  );
}

function permuteSteps(x: tf.Tensor, perm: readonly number[]): tf.Tensor {
  const outShape = perm.map((a) => x.shape[a]);
  // Runs of consecutive input axes, in output order.
  const groups: number[][] = [];
  for (const a of perm) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1] + 1 === a) last.push(a);
    else groups.push([a]);
  }
  if (groups.length === 1) return tf.reshape(x, outShape);
  if (groups.length <= 4) {
    const inOrder = [...groups].sort((g, h) => g[0] - h[0]);
    const merged = inOrder.map((g) => g.reduce((p, a) => p * x.shape[a], 1));
    const groupPerm = groups.map((g) => inOrder.indexOf(g));
    return tf.reshape(tf.transpose(tf.reshape(x, merged), groupPerm), outShape);
  }
  // Selection: bring perm[i] to position i, one move (one transpose of ≤ 4 groups) at a time.
  let y = x;
  let order = Array.from({ length: x.rank }, (_, i) => i);
  for (let i = 0; i < perm.length; i++) {
    const j = order.indexOf(perm[i]);
    if (j === i) continue;
    const step = [
      ...Array.from({ length: i }, (_, k) => k),
      j,
      ...Array.from({ length: j - i }, (_, k) => i + k),
      ...Array.from({ length: order.length - j - 1 }, (_, k) => j + 1 + k)
    ];
    y = permuteSteps(y, step);
    order = step.map((k) => order[k]);
  }
  return y;
}
