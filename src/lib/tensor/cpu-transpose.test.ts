import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import { transposeValues, useFastCpuTranspose } from './cpu-transpose';

/** The definition: out[perm-ordered coordinates] = x[coordinates], one element at a time. */
function naive(x: Float32Array, shape: number[], perm: number[]): Float32Array {
  const outShape = perm.map((p) => shape[p]);
  const out = new Float32Array(x.length);
  const strides = (s: number[]) => s.map((_, a) => s.slice(a + 1).reduce((m, v) => m * v, 1));
  const [inS, outS] = [strides(shape), strides(outShape)];
  for (let i = 0; i < x.length; i++) {
    const loc = shape.map((_, a) => Math.floor(i / inS[a]) % shape[a]);
    out[perm.reduce((o, p, a) => o + loc[p] * outS[a], 0)] = x[i];
  }
  return out;
}

const shapeAndPerm = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 })
  .chain((shape) =>
    fc
      .shuffledSubarray(
        shape.map((_, a) => a),
        { minLength: shape.length, maxLength: shape.length }
      )
      .map((perm) => ({ shape, perm }))
  );

describe('transposeValues', () => {
  it('is the permutation tf.transpose defines, for every rank 1–6', () => {
    fc.assert(
      fc.property(shapeAndPerm, ({ shape, perm }) => {
        const n = shape.reduce((a, b) => a * b, 1);
        const x = Float32Array.from({ length: n }, (_, i) => i);
        const out = new Float32Array(n);
        transposeValues(x, shape, perm, out);
        expect(Array.from(out)).toEqual(Array.from(naive(x, shape, perm)));
      })
    );
  });

  // The parity runs (wasm, webgl) test the permutation above; the kernel swap is the cpu backend's.
  it.skipIf(tf.getBackend() !== 'cpu')(
    'replaces the cpu kernel: tf.transpose goes through it, int32 and bool too',
    () => {
      useFastCpuTranspose();
      useFastCpuTranspose(); // idempotent
      const x = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 3, 2], 'int32');
      expect(tf.transpose(x, [2, 0, 1]).arraySync()).toEqual([
        [
          [1, 3, 5],
          [7, 9, 11]
        ],
        [
          [2, 4, 6],
          [8, 10, 12]
        ]
      ]);
      const b = tf.tensor2d([true, false, false, true, true, false], [2, 3], 'bool');
      expect(tf.transpose(b).arraySync()).toEqual([
        [1, 1],
        [0, 1],
        [0, 0]
      ]);
      tf.dispose([x, b]);
    }
  );

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.transpose(tf.ones([3, 4, 5]), [1, 2, 0]);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
