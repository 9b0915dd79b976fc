import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor } from '../../../tests/golden/golden';
import { l2Normalize, searchTransfer, type TransferDivide } from './search-transfer';
import { overlapCount } from './fold';

const INPUTS = ['lrsr_lv3', 'refsr_lv3', 'ref_lv1', 'ref_lv2', 'ref_lv3'];

describe('searchTransfer: PyTorch parity (every stored intermediate)', () => {
  for (const c of loadGolden('ttsr').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const [lrsr, refsr, lv1, lv2, lv3] = INPUTS.map((n) => toTensor(c.tensors[n]));
        const r = searchTransfer(lrsr, refsr, lv1, lv2, lv3, {
          divide: c.params.divide as TransferDivide
        }) as unknown as Record<string, tf.Tensor>;
        const names = Object.keys(c.tensors).filter((n) => !INPUTS.includes(n));
        expect(names.length).toBeGreaterThanOrEqual(9);
        for (const name of names) {
          expect(r[name], name).toBeDefined();
          expect(compare(r[name], c.tensors[name]), name).toBeNull();
        }
        expect(r.index.dtype).toBe('int32');
      });
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('searchTransfer invariants', () => {
  it('index lies in [0, Hr·Wr), score in [−1, 1], S is score as [B,1,H,W], shapes per level', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<TransferDivide>('constant9', 'foldedOnes'),
        (B, C, H, W, Hr, Wr, divide) => {
          const before = tf.memory().numTensors;
          const ok = tf.tidy(() => {
            const r = searchTransfer(
              tf.randomNormal([B, C, H, W]),
              tf.randomNormal([B, C, Hr, Wr]),
              tf.randomNormal([B, 1, 4 * Hr, 4 * Wr]),
              tf.randomNormal([B, 2, 2 * Hr, 2 * Wr]),
              tf.randomNormal([B, 3, Hr, Wr]),
              { divide }
            );
            const idx = r.index.dataSync();
            const score = r.score.dataSync();
            return (
              idx.every((v) => v >= 0 && v < Hr * Wr) &&
              score.every((v) => v >= -1 - 1e-5 && v <= 1 + 1e-5) &&
              r.R.shape.join() === `${B},${Hr * Wr},${H * W}` &&
              r.S.shape.join() === `${B},1,${H},${W}` &&
              r.T_lv3.shape.join() === `${B},3,${H},${W}` &&
              r.T_lv2.shape.join() === `${B},2,${2 * H},${2 * W}` &&
              r.T_lv1.shape.join() === `${B},1,${4 * H},${4 * W}` &&
              r.T_lv1.dataSync().every(Number.isFinite)
            );
          });
          return ok && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 25 }
    );
  });

  it('with the reference equal to the LR, every position finds itself and lv3 is restored exactly', () => {
    tf.tidy(() => {
      const x = tf.randomNormal([1, 2, 5, 6], 0, 1, 'float32', 7);
      const up2 = tf.randomNormal([1, 1, 10, 12], 0, 1, 'float32', 8);
      const up4 = tf.randomNormal([1, 1, 20, 24], 0, 1, 'float32', 9);
      const official = searchTransfer(x, x, up4, up2, x);
      expect(Array.from(official.index.dataSync())).toEqual([...Array(30).keys()]);
      // Official /9 leaves the borders dim (4/9, 6/9 of x); the post's divisor restores them.
      const count = overlapCount(5, 6, 3, { padding: 1 });
      expect(compare(official.T_lv3, { ...snap(tf.div(tf.mul(x, count), 9)) })).toBeNull();
      const post = searchTransfer(x, x, up4, up2, x, { divide: 'foldedOnes' });
      expect(compare(post.T_lv3, snap(x))).toBeNull();
      expect(compare(post.T_lv2, snap(up2))).toBeNull();
    });
  });

  it('l2Normalize leaves a zero vector at zero (eps, as F.normalize)', () => {
    tf.tidy(() => {
      const n = l2Normalize(
        tf.tensor2d([
          [0, 0],
          [3, 4]
        ]),
        1
      );
      expect(Array.from(n.dataSync())).toEqual([0, 0, 0.6000000238418579, 0.800000011920929]);
    });
  });
});

function snap(t: tf.Tensor) {
  return { shape: t.shape, dtype: 'float32' as const, data: Array.from(t.dataSync()) };
}

describe('searchTransfer argument errors', () => {
  const lr = tf.zeros([2, 3, 4, 4]);
  const refsr = tf.zeros([2, 3, 3, 5]);
  const lv1 = tf.zeros([2, 1, 12, 20]);
  const lv2 = tf.zeros([2, 1, 6, 10]);
  const lv3 = tf.zeros([2, 1, 3, 5]);
  it('names the level whose size does not follow refsr', () => {
    expect(() => searchTransfer(lr, refsr, tf.zeros([2, 1, 12, 12]), lv2, lv3)).toThrow(
      'ref_lv1 must be [B=2, C, 4·Hr=12, 4·Wr=20] for refsr_lv3 of 3×5, got [2, 1, 12, 12]'
    );
    expect(() => searchTransfer(lr, refsr, lv1, lv2, tf.zeros([1, 1, 3, 5]))).toThrow(
      'ref_lv3 must be [B=2'
    );
  });
  it('requires refsr to match lrsr in batch and channels', () => {
    expect(() => searchTransfer(lr, tf.zeros([2, 2, 3, 5]), lv1, lv2, lv3)).toThrow(
      'must have the batch and channels of lrsr_lv3'
    );
  });
  it('rejects an unknown divide and wrong ranks', () => {
    expect(() =>
      searchTransfer(lr, refsr, lv1, lv2, lv3, { divide: 'nine' as TransferDivide })
    ).toThrow("divide must be 'constant9' (official TTSR) or 'foldedOnes' (the post), got 'nine'");
    expect(() => searchTransfer(tf.zeros([3, 4, 4]), refsr, lv1, lv2, lv3)).toThrow(
      'lrsr_lv3 must be 4-D (B,C,H,W)'
    );
  });
});
