/**
 * Exact GELU, `x·Φ(x) = ½·x·(1 + erf(x/√2))`, as `nn.GELU()` (approximate='none') in
 * Swin, SwinIR, Restormer. The tanh approximation is off by up to ~5e-4, so it is not used.
 */
import * as tf from '@tensorflow/tfjs-core';

export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2)))));
}
