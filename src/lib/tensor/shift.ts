/**
 * The SW-MSA attention mask of Swin Transformer, built step by step
 * (microsoft/Swin-Transformer `models/swin_transformer.py`, `SwinTransformerBlock.__init__`;
 * JingyunLiang/SwinIR `models/network_swinir.py`, `SwinTransformerBlock.calculate_mask`).
 *
 * After rolling the map by −shift, a shifted window at the bottom/right edge holds pixels from up to
 * four regions that were not neighbours in the image. Each region gets a label; two tokens of the same
 * window may attend to each other only if their labels are equal.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkInt } from './check';
import { checkWindowMultiple, windowPartition } from './window';

/** The value Swin writes where labels differ; after softmax such entries are ~e^−100, not 0. */
export const MASK_VALUE = -100;

/** Checks shared by the mask builders: sizes, 0 ≤ shift < window ≤ H, W, and H, W multiples. */
function checkMaskArgs(H: number, W: number, windowSize: number, shiftSize: number): void {
  checkInt('H', H);
  checkInt('W', W);
  checkInt('window_size', windowSize);
  checkInt('shift_size', shiftSize, 0);
  check(
    shiftSize < windowSize,
    () =>
      `shift_size=${shiftSize} must be smaller than window_size=${windowSize} (0 ≤ shift_size < window_size)`
  );
  check(
    windowSize <= H && windowSize <= W,
    () =>
      `window_size=${windowSize} is larger than the map H=${H}, W=${W}: ` +
      `Swin uses window_size = min(H, W) = ${Math.min(H, W)} and shift_size = 0 then`
  );
  checkWindowMultiple(H, W, windowSize);
}

/**
 * Python's `range(n)[start:stop]` as a half-open `[a, b)`. Note `−0` is `0` (not negative), so with
 * shift 0 `slice(−ws, −0)` is empty and `slice(−0, None)` is everything, exactly as in Python.
 */
function pySlice(n: number, start: number, stop: number | null): [number, number] {
  const norm = (v: number) => Math.min(Math.max(v < 0 ? n + v : v, 0), n);
  const a = norm(start);
  const b = stop === null ? n : norm(stop);
  return [a, Math.max(a, b)];
}

/**
 * The `img_mask` labels (`cnt`): `[H, W]` float32.
 *
 * Rows are cut into the bands `slice(0, −ws)`, `slice(−ws, −shift)`, `slice(−shift, None)`, and columns
 * the same; the label is `3·rowBand + colBand`, in the order of the official double loop. For
 * 9×9, ws 3, shift 1: rows 0–5 → band 0, rows 6–7 → band 1, row 8 → band 2.
 *
 * With shift 0 (the official code builds no mask then) the slices are taken literally: `slice(−0, None)`
 * covers everything, so every label is 8 and the resulting mask is all zero.
 */
export function regionLabels(
  H: number,
  W: number,
  windowSize: number,
  shiftSize: number
): tf.Tensor2D {
  checkMaskArgs(H, W, windowSize, shiftSize);
  const bands = (n: number) =>
    [
      pySlice(n, 0, -windowSize), // @step labels
      pySlice(n, -windowSize, -shiftSize), // @step labels
      pySlice(n, -shiftSize, null) // @step labels
    ] as const;
  const labels = new Float32Array(H * W);
  let cnt = 0; // @step labels
  for (const [h0, h1] of bands(H)) {
    for (const [w0, w1] of bands(W)) {
      for (let y = h0; y < h1; y++) for (let x = w0; x < w1; x++) labels[y * W + x] = cnt; // @step labels
      cnt++; // @step labels
    }
  }
  return tf.tensor2d(labels, [H, W], 'float32');
}

export type ShiftedWindowMask = {
  /** `[1, H, W, 1]`: the labels in the official `img_mask` layout. */
  imgMask: tf.Tensor4D;
  /** `[nW, N]`, N = ws²: `mask_windows`, the labels of each window's tokens in raster order. */
  windowLabels: tf.Tensor2D;
  /** `[nW, N, N]`: `labelDiff[w, i, j] = label(key j) − label(query i)`, before `masked_fill`. */
  labelDiff: tf.Tensor3D;
  /** `[nW, N, N]`: −100 where `labelDiff ≠ 0`, else 0. Symmetric, zero diagonal. */
  attnMask: tf.Tensor3D;
};

/**
 * The full mask construction for an `H × W` map:
 * `img_mask [1,H,W,1] → window_partition → [nW, ws, ws, 1] → view [nW, N]` →
 * `unsqueeze(1) − unsqueeze(2)` → `[nW, N, N]` → `masked_fill(≠0, −100)`, `masked_fill(=0, 0)`.
 * nW = (H/ws)·(W/ws). Row `r` of the batch of windows uses `attnMask[r mod nW]`.
 */
export function shiftedWindowMask(
  H: number,
  W: number,
  windowSize: number,
  shiftSize: number
): ShiftedWindowMask {
  checkMaskArgs(H, W, windowSize, shiftSize);
  const N = windowSize * windowSize;
  return tf.tidy(() => {
    const imgMask = tf.reshape(regionLabels(H, W, windowSize, shiftSize), [
      1,
      H,
      W,
      1
    ]) as tf.Tensor4D;
    const windowLabels = tf.reshape(windowPartition(imgMask, windowSize), [-1, N]) as tf.Tensor2D; // @step partition
    // [nW, 1, N] − [nW, N, 1]: key label minus query label, broadcast to [nW, N, N].
    const labelDiff = tf.sub(
      tf.expandDims(windowLabels, 1), // @step diff
      tf.expandDims(windowLabels, 2) // @step diff
    ) as tf.Tensor3D;
    const attnMask = tf.where(
      tf.notEqual(labelDiff, 0), // @step fill
      tf.fill(labelDiff.shape, MASK_VALUE), // @step fill
      tf.zerosLike(labelDiff)
    ) as tf.Tensor3D;
    return { imgMask, windowLabels, labelDiff, attnMask };
  });
}
