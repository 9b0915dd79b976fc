/**
 * The live checks under the /shifted-windows figure: SW-MSA against attention on the irregular
 * regions, how small the masked weights get, what leaks with ×0 instead of +(−100), whether four
 * or two labels would do, and the sizes at inference. Computed for the page's own parameters.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  MASK_VALUE,
  effectiveWindow,
  shiftedWindowMask,
  windowPartition,
  type WindowAttentionParams
} from '$lib/tensor';
import { irregularAttention, plainWeights } from './irregular';
import type { WindowGeometry } from './views';

/** Everything the questions under the figure quote, computed for the current parameters. */
export interface ShiftedWindowsChecks {
  equivalenceMaxDiff: number;
  regions: number;
  maskedCount: number;
  maskedMin: number;
  maskedMax: number;
  maskedExactZeros: number;
  leakAdd: number;
  leakTimesZero: number;
  fourLabelDiffs: number;
  twoLabelDiffs: number;
  unmaskedWindows: number[];
  maskEntries: number;
  inference: { H: number; W: number; Hp: number; Wp: number; maskShape: number[] };
  clampSquare: { windowSize: number; shiftSize: number };
  effective: { windowSize: number; shiftSize: number };
}

/** What the checks read from one SW-MSA run on `x [1, H, W, C]`. */
export interface ChecksInput {
  x: tf.Tensor4D;
  weights: WindowAttentionParams;
  /** SW-MSA output `[1, H, W, C]`. */
  out: tf.Tensor;
  /** `[nW, N, N]`: the mask and the softmax weights (also as data), `attnBiased` before the mask. */
  attnMask: tf.Tensor;
  attn: tf.Tensor;
  attnBiased: tf.Tensor;
  attnData: ArrayLike<number>;
  maskData: ArrayLike<number>;
  unmaskedWindows: number[];
}

export const countWhere = (a: ArrayLike<number>, f: (v: number, i: number) => boolean) => {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (f(a[i], i)) n++;
  return n;
};
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** 0 / −100 wherever the given `[B, H, W, 1]` labels differ inside a window (as the official mask). */
function maskFromLabels(labels: tf.Tensor, ws: number): tf.Tensor {
  const win = tf.reshape(windowPartition(labels, ws), [-1, ws * ws]);
  const diff = tf.sub(tf.expandDims(win, 1), tf.expandDims(win, 2));
  return tf.where(tf.notEqual(diff, 0), tf.fill(diff.shape, MASK_VALUE), tf.zerosLike(diff));
}

/** The checks quoted by the prose; call inside a tidy scope. */
export function shiftedWindowsChecks(c: ChecksInput, g: WindowGeometry): ShiftedWindowsChecks {
  const { H, W, C, ws, s, N, nW } = g;
  const { attnData, maskData } = c;
  const masked = (i: number) => maskData[i] !== 0;
  let maskedMin = Infinity;
  let maskedMax = 0;
  for (let i = 0; i < attnData.length; i++)
    if (masked(i)) {
      maskedMin = Math.min(maskedMin, attnData[i]);
      maskedMax = Math.max(maskedMax, attnData[i]);
    }
  const isMasked = tf.cast(tf.notEqual(c.attnMask, 0), 'float32');
  const leak = (a: tf.Tensor) => tf.max(tf.sum(tf.mul(a, isMasked), -1)).dataSync()[0];
  const biased = tf.reshape(c.attnBiased, [nW, N, N]);
  const timesZero = tf.softmax(tf.mul(biased, tf.sub(1, isMasked)));
  const rolledRows = (f: (y: number, x: number) => number) =>
    tf.tensor4d(
      Float32Array.from({ length: H * W }, (_, i) => f(Math.floor(i / W), i % W)),
      [1, H, W, 1]
    );
  const wrapped = (y: number, x: number) => [y >= H - s && s > 0, x >= W - s && s > 0];
  // Both alternative labelings as one batch of two maps: [2·nW, N, N], four labels first.
  const alternatives = maskFromLabels(
    tf.concat([
      rolledRows((y, x) => 2 * +wrapped(y, x)[0] + +wrapped(y, x)[1]),
      rolledRows((y, x) => +(wrapped(y, x)[0] || wrapped(y, x)[1]))
    ]),
    ws
  ).dataSync();
  const four = alternatives.subarray(0, nW * N * N);
  const two = alternatives.subarray(nW * N * N);
  const direct = irregularAttention(c.x.dataSync(), H, W, C, plainWeights(c.weights), ws, s);
  const Hi = H + 1;
  const Wi = W + 1;
  const Hp = Math.ceil(Hi / ws) * ws;
  const Wp = Math.ceil(Wi / ws) * ws;
  return {
    equivalenceMaxDiff: maxAbsDiff(c.out.dataSync(), direct.out),
    regions: direct.regions,
    maskedCount: countWhere(maskData, (v) => v !== 0),
    maskedMin: Number.isFinite(maskedMin) ? maskedMin : 0,
    maskedMax,
    maskedExactZeros: countWhere(attnData, (v, i) => masked(i) && v === 0),
    leakAdd: leak(c.attn),
    leakTimesZero: leak(timesZero),
    fourLabelDiffs: countWhere(four, (v, i) => v !== maskData[i]),
    twoLabelDiffs: countWhere(two, (v, i) => v !== maskData[i]),
    unmaskedWindows: c.unmaskedWindows,
    maskEntries: maskData.length,
    inference: {
      H: Hi,
      W: Wi,
      Hp,
      Wp,
      maskShape: shiftedWindowMask(Hp, Wp, ws, s).attnMask.shape
    },
    clampSquare: effectiveWindow(ws, ws, ws, s),
    effective: effectiveWindow(H, W, ws, s)
  };
}
