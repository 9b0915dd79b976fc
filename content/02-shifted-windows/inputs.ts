/**
 * What the /shifted-windows trace runs on: the page's map (pixel numbers or a smooth image) and
 * seeded one-head attention weights scaled to that map.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WindowAttentionParams } from '$lib/tensor';
import { seededNormal } from '$lib/tensor/random';
import { memo } from '$lib/memo';

/** C = 1: each pixel holds its own number y·W + x (as in the post's figures); C > 1: a smooth image. */
export function inputMap(H: number, W: number, C: number): tf.Tensor4D {
  const data = new Float32Array(H * W * C);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < C; c++) {
        const wave = Math.sin(
          2 * Math.PI * ((1 + (c % 2)) * (y / H) + (0.5 + c / 3) * (x / W)) + c
        );
        const disc = (y - H / 2) ** 2 + (x - W / 3) ** 2 < (Math.min(H, W) / 4) ** 2 ? 0.4 : 0;
        data[(y * W + x) * C + c] = C === 1 ? y * W + x : 0.5 + 0.4 * wave + disc;
      }
  return tf.tensor4d(data, [1, H, W, C]);
}

/**
 * Seeded weights for one head. The input's per-channel mean and spread are folded into the qkv
 * linear (W/σ, b − W·μ/σ), so the logits stay O(1) even on pixel numbers 0..H·W−1.
 */
export function seededWeights(x: tf.Tensor4D, ws: number): WindowAttentionParams {
  const C = x.shape[3];
  const t = tf.tidy(() => {
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    const sd = tf.maximum(tf.sqrt(variance), 1e-6);
    const qkv = tf.mul(seededNormal([3 * C, C], 11, 0, 1), C ** -0.5);
    const bias = tf.mul(seededNormal([3 * C], 12, 0, 1), 0.1);
    return {
      qkvWeight: tf.div(qkv, sd),
      qkvBias: tf.sub(bias, tf.reshape(tf.matMul(qkv, tf.reshape(tf.div(mean, sd), [C, 1])), [-1])),
      projWeight: tf.mul(seededNormal([C, C], 13, 0, 1), C ** -0.5),
      projBias: tf.mul(seededNormal([C], 14, 0, 1), 0.1),
      relativePositionBiasTable: tf.mul(seededNormal([(2 * ws - 1) ** 2, 1], 15, 0, 1), 0.5)
    };
  });
  return { numHeads: 1, windowSize: [ws, ws], ...t };
}

type PlainWeights = Record<
  'qkvWeight' | 'qkvBias' | 'projWeight' | 'projBias' | 'relativePositionBiasTable',
  { data: Float32Array; shape: number[] }
>;
// The weights depend on the sizes only; kept as plain arrays (no tensor outlives a trace), so a
// shift_size or window change skips the ~15 ops that make them.
const rememberedWeights = memo<PlainWeights>(8);

/** The page's map `inputMap(H, W, C)` and its `seededWeights`, the weights made once per size. */
export function pageInputs(H: number, W: number, C: number, ws: number) {
  const x = inputMap(H, W, C);
  const plain = rememberedWeights(`${H},${W},${C},${ws}`, () => {
    const w = seededWeights(x, ws);
    const keep = (t: tf.Tensor | null) => {
      const kept = { data: new Float32Array(t!.dataSync()), shape: t!.shape };
      t!.dispose();
      return kept;
    };
    return {
      qkvWeight: keep(w.qkvWeight),
      qkvBias: keep(w.qkvBias),
      projWeight: keep(w.projWeight),
      projBias: keep(w.projBias),
      relativePositionBiasTable: keep(w.relativePositionBiasTable)
    };
  });
  // A copy: on the cpu backend a tensor wraps the array it is given, and dataSync() hands it out.
  const t = (k: keyof PlainWeights) => tf.tensor(plain[k].data.slice(), plain[k].shape);
  const weights: WindowAttentionParams = {
    numHeads: 1,
    windowSize: [ws, ws],
    qkvWeight: t('qkvWeight'),
    qkvBias: t('qkvBias'),
    projWeight: t('projWeight'),
    projBias: t('projBias'),
    relativePositionBiasTable: t('relativePositionBiasTable')
  };
  return { x, weights };
}
