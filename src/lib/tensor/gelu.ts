/**
 * Exact GELU, `x·Φ(x) = ½·x·(1 + erf(x/√2))`, as `nn.GELU()` (approximate='none') in
 * Swin, SwinIR, Restormer. The tanh approximation is off by up to ~5e-4, so it is not used.
 */
import * as tf from '@tensorflow/tfjs-core';

// Abramowitz & Stegun 7.1.26, the formula tfjs-backend-cpu's own Erf kernel uses:
// erf(z) = 1 − (a1·t + … + a5·t⁵)·e^(−z²), t = 1/(1 + p·z), z ≥ 0, |error| ≤ 1.5e-7.
const P = 0.3275911;
const A = [0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429];

export function gelu(x: tf.Tensor): tf.Tensor {
  // On wasm, tf.erf costs ~5× an exp on activations of the size an MLP sees (|x| ≳ 1 takes the
  // slow branch of its libm erf): 50 ms for Swin stage 1's 1.2 M entries. The same function from
  // A&S 7.1.26 in element-wise ops is about twice as fast there. With z = |x|/√2:
  // x·Φ(x) = ½(x + |x|·erf(z)) = relu(x) − ½|x|·(a1·t + … + a5·t⁵)·e^(−x²/2).
  if (tf.getBackend() === 'wasm') {
    return tf.tidy(() => {
      const ax = tf.abs(x);
      const t = tf.reciprocal(tf.add(tf.mul(ax, P * Math.SQRT1_2), 1));
      // Horner, with the ½ folded into the coefficients.
      let poly = tf.mul(t, 0.5 * A[4]);
      for (const a of [A[3], A[2], A[1], A[0]]) poly = tf.mul(tf.add(poly, 0.5 * a), t);
      const tail = tf.mul(tf.mul(ax, poly), tf.exp(tf.mul(tf.square(x), -0.5)));
      return tf.sub(tf.relu(x), tail);
    });
  }
  return tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2)))));
}
