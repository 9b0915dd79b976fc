/**
 * What /unfold-fold computes, as one function whose source the page shows: pad, unfold, fold,
 * the overlap count fold(unfold(ones)), and the two divisions (by the count, by a constant).
 */
import * as tf from '@tensorflow/tfjs-core';
import { fold, unfold } from '$lib/tensor';

/** Everything the page shows, computed with the tensor core's unfold/fold on `x [B, C, H, W]`. */
export function unfoldFoldRestore(x: tf.Tensor, k: number, s: number, p: number) {
  const [, , H, W] = x.shape;
  const opts = { stride: s, padding: p };
  const pads = [0, 0, p, p].map((v) => [v, v] as [number, number]);
  const xPadded = tf.pad(x, pads); // @step pad
  const xUnfold = unfold(x, k, opts); // [B, C·k·k, L] // @step unfold_cols unfold_rows
  const xFold = fold(xUnfold, [H, W], k, opts); // overlaps are summed // @step fold
  const ones = tf.ones([1, 1, H, W]); // @step count
  const overlapCount = fold(unfold(ones, k, opts), [H, W], k, opts); // @step count
  // Uncovered pixels: x_fold is 0 and the count is 0; 0/0 would be NaN. Divide by max(count, 1).
  const xRestored = tf.div(xFold, tf.maximum(overlapCount, 1)); // @step divide
  const xDivConst = tf.div(xFold, (k / s) ** 2); // the post's "/ (3.*3.)" // @step divide
  const errorConst = tf.sub(xDivConst, x); // @step divide
  return { xPadded, xUnfold, xFold, overlapCount, xRestored, xDivConst, errorConst };
}

/** One run of {@link unfoldFoldRestore}: `[B, C, H, W]` images, `x_unfold [B, C·k·k, L]`. */
export type UnfoldFoldRun = ReturnType<typeof unfoldFoldRestore>;
