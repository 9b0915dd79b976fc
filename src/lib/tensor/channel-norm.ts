/**
 * LayerNorm over the channel axis of NCHW maps, as Restormer (`BiasFree_LayerNorm`,
 * `WithBias_LayerNorm` in basicsr/models/archs/restormer_arch.py) and NAFNet (`LayerNorm2d`) apply
 * it: one normalisation per pixel over its C channels.
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkRank, checkShape } from './check';

/**
 * Normalise over the channel axis of `[B, C, H, W]` at every pixel, as `to_4d(norm(to_3d(x)))`
 * does (to_3d is `b c h w → b (h w) c`, a LayerNorm over the last axis, then back); reducing over
 * axis 1 directly is the same arithmetic without the two rearranges.
 * `subtractMean = false` is Restormer's BiasFree quirk. Shared with NAFNet's LayerNorm2d.
 */
export function channelNorm(
  x: tf.Tensor,
  weight: tf.Tensor,
  bias: tf.Tensor | null,
  eps: number,
  subtractMean: boolean
): tf.Tensor4D {
  const [, C] = x.shape;
  return tf.tidy(() => {
    // Biased variance (÷C), taken about the mean in both variants: torch var(unbiased=False).
    const { mean, variance } = tf.moments(x, 1, true); // @step norm1 norm2
    const centred = subtractMean ? tf.sub(x, mean) : x; // @step norm1 norm2
    const normed = tf.div(centred, tf.sqrt(tf.add(variance, eps))); // @step norm1 norm2
    const scaled = tf.mul(normed, tf.reshape(weight, [1, C, 1, 1]));
    return (bias ? tf.add(scaled, tf.reshape(bias, [1, C, 1, 1])) : scaled) as tf.Tensor4D;
  });
}

/**
 * Restormer's `LayerNorm(dim, LayerNorm_type)` on `[B, C, H, W]` → `[B, C, H, W]`, over C per
 * pixel, eps 1e-5, biased variance.
 * - `bias` given: `WithBias_LayerNorm`, `(x − μ)/√(σ² + eps)·weight + bias`.
 * - `bias` null: `BiasFree_LayerNorm`, `x/√(σ² + eps)·weight`. The mean is **not** subtracted,
 *   although σ² is still the variance about the mean.
 */
export function layerNormChannels(
  x: tf.Tensor,
  weight: tf.Tensor,
  bias: tf.Tensor | null
): tf.Tensor4D {
  checkRank('x', x, 4, 'B,C,H,W');
  const [, C] = x.shape;
  checkShape('LayerNorm weight', weight, [C], 'C, the channels of x');
  if (bias) checkShape('LayerNorm bias', bias, [C], 'C, the channels of x');
  return channelNorm(x, weight, bias, 1e-5, bias !== null);
}
