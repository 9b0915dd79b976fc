import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { gelu } from './gelu';

/** erf by its Taylor series in float64 (exact to ~1e-9 for |z| ≤ 4.3). */
function erfSeries(z: number): number {
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (-z * z) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

describe('gelu (exact, erf form)', () => {
  it('is x·Φ(x) to float32 precision on [−6, 6], with no leak', () => {
    const before = tf.memory().numTensors;
    const xs = Float32Array.from({ length: 1201 }, (_, i) => -6 + i / 100);
    const got = tf.tidy(() => gelu(tf.tensor1d(xs)).dataSync());
    xs.forEach((x, i) => {
      const want = 0.5 * x * (1 + erfSeries(x / Math.SQRT2));
      expect(Math.abs(got[i] - want), `x = ${x}`).toBeLessThanOrEqual(
        1e-6 * Math.max(1, Math.abs(x))
      );
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
