import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { permute, permuteLowRank } from './permute';

/** The reference: out[idx] = x[idx mapped back through perm], computed on plain arrays. */
function reference(data: Float32Array, shape: number[], perm: number[]): Float32Array {
  const outShape = perm.map((a) => shape[a]);
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, n) => p * n, 1));
  const out = new Float32Array(data.length);
  const idx = new Array<number>(outShape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let k = 0; k < idx.length; k++) src += idx[k] * strides[perm[k]];
    out[o] = data[src];
    for (let k = idx.length - 1; k >= 0; k--) {
      if (++idx[k] < outShape[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}

describe('permute', () => {
  it('is the transpose for every permutation of ranks 1–6 (values and shape)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 6 }).chain((shape) =>
          fc.tuple(
            fc.constant(shape),
            fc.shuffledSubarray(
              shape.map((_, i) => i),
              { minLength: shape.length, maxLength: shape.length }
            )
          )
        ),
        ([shape, perm]) => {
          const before = tf.memory().numTensors;
          const n = shape.reduce((p, s) => p * s, 1);
          const data = Float32Array.from({ length: n }, (_, i) => i);
          const x = tf.tensor(data, shape);
          const y = permuteLowRank(x, perm);
          const z = permute(x, perm);
          const want = reference(data, shape, perm);
          const ok = [y, z].every(
            (t) =>
              t.shape.join() === perm.map((a) => shape[a]).join() &&
              t.dataSync().every((v, i) => v === want[i])
          );
          tf.dispose([x, y, z]);
          return ok && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 60 }
    );
  });
  it("matches Swin's qkv permute (2, 0, 3, 1, 4) and window partition's 6-D permute", () => {
    const cases: [number[], number[]][] = [
      [
        [2, 3, 3, 2, 2],
        [2, 0, 3, 1, 4]
      ],
      [
        [1, 2, 3, 2, 3, 2],
        [0, 1, 3, 2, 4, 5]
      ]
    ];
    for (const [shape, perm] of cases) {
      const n = shape.reduce((p, s) => p * s, 1);
      const data = Float32Array.from({ length: n }, (_, i) => i);
      tf.tidy(() => {
        const y = permuteLowRank(tf.tensor(data, shape), perm);
        expect(Array.from(y.dataSync())).toEqual(Array.from(reference(data, shape, perm)));
      });
    }
  });
  it('names a bad permutation', () => {
    tf.tidy(() => {
      expect(() => permute(tf.zeros([2, 3]), [0, 0])).toThrow(
        'perm [0, 0] is not a permutation of the 2 axes of x'
      );
    });
  });
});
