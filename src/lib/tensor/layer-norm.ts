/**
 * LayerNorm over the last axis, `nn.LayerNorm(C)` (eps 1e-5 as in Swin/SwinIR):
 * `(x − mean) / sqrt(var + eps) · weight + bias`, with the biased variance (÷C), as PyTorch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check } from './check';

export function layerNorm(
  x: tf.Tensor,
  weight: tf.Tensor,
  bias: tf.Tensor | null,
  eps = 1e-5
): tf.Tensor {
  const C = x.shape[x.rank - 1];
  check(
    weight.rank === 1 && weight.shape[0] === C,
    () =>
      `LayerNorm weight must have shape [${C}] (the last axis of x), got [${weight.shape.join(', ')}]`
  );
  check(
    bias === null || (bias.rank === 1 && bias.shape[0] === C),
    () => `LayerNorm bias must have shape [${C}], got [${bias?.shape.join(', ')}]`
  );
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, -1, true);
    const normed = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps)));
    const scaled = tf.mul(normed, weight);
    return bias ? tf.add(scaled, bias) : scaled;
  });
}
