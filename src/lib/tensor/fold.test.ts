import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor } from '../../../tests/golden/golden';
import { blockIndexSelect, fold, overlapCount, unfold, unfoldOutputSize } from './fold';

describe('unfold / fold / overlapCount: PyTorch parity', () => {
  for (const c of loadGolden('fold').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const [H, W] = [c.params.H as number, c.params.W as number];
      const k = c.params.kernel_size as number;
      const opts = { stride: c.params.stride as number, padding: c.params.padding as number };
      tf.tidy(() => {
        const cols = unfold(toTensor(c.tensors.x), k, opts);
        expect(compare(cols, c.tensors.cols)).toBeNull();
        expect(compare(fold(cols, [H, W], k, opts), c.tensors.folded)).toBeNull();
        const random = fold(toTensor(c.tensors.cols_random), [H, W], k, opts);
        expect(compare(random, c.tensors.folded_random)).toBeNull();
        expect(compare(overlapCount(H, W, k, opts), c.tensors.count)).toBeNull();
      });
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('blockIndexSelect: parity with TTSR bis (expand + gather)', () => {
  for (const c of loadGolden('bis').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const out = blockIndexSelect(toTensor(c.tensors.cols), toTensor(c.tensors.index));
        expect(compare(out, c.tensors.out)).toBeNull();
      });
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('fold invariants', () => {
  it('unfold rows are channel-major: row c·k·k + ky·k + kx (iota provenance)', () => {
    tf.tidy(() => {
      const [C, H, W, k] = [2, 4, 5, 3];
      const x = tf.reshape(tf.range(0, C * H * W), [1, C, H, W]);
      const cols = unfold(x, k, { padding: 1 }).arraySync()[0];
      // Column oy·W + ox = 1·5 + 2 (patch centred on (1, 2)); row of channel 1, ky=0, kx=2.
      expect(cols[1 * 9 + 0 * 3 + 2][1 * 5 + 2]).toBe(1 * 20 + 0 * 5 + 3);
      // Row 9 is channel 1's first kernel cell: the top-left patch sees padding there.
      expect(cols[9][0]).toBe(0);
      expect(cols[9][6]).toBe(20);
    });
  });

  it('overlapCount for k=3, s=1, p=1 is 4 in corners, 6 on edges, 9 inside', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 3, max: 9 }), (H, W) => {
        const c = tf.tidy(() => overlapCount(H, W, 3, { stride: 1, padding: 1 }).arraySync());
        for (let y = 0; y < H; y++)
          for (let x = 0; x < W; x++) {
            const edges = (y === 0 || y === H - 1 ? 1 : 0) + (x === 0 || x === W - 1 ? 1 : 0);
            if (c[y][x] !== [9, 6, 4][edges]) return false;
          }
        return true;
      }),
      { numRuns: 30 }
    );
  });

  it('fold(unfold(x)) = overlapCount ⊙ x on random valid shapes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        (B, C, H, W, k, s, p) => {
          fc.pre(H + 2 * p >= k && W + 2 * p >= k);
          const before = tf.memory().numTensors;
          const err = tf.tidy(() => {
            const x = tf.randomNormal([B, C, H, W]);
            const back = fold(unfold(x, k, { stride: s, padding: p }), [H, W], k, {
              stride: s,
              padding: p
            });
            const expected = tf.mul(x, overlapCount(H, W, k, { stride: s, padding: p }));
            return tf.max(tf.abs(tf.sub(back, expected))).dataSync()[0];
          });
          // Summing up to k² overlaps rounds differently from x·count (by a few ulps of values up
          // to ~100 on wasm's summation order), so allow the project's parity tolerance.
          return err < 1e-4 && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 60 }
    );
  });

  it('counts 0 where no patch reaches (k=5, s=3, p=1 on H=8: row 7)', () => {
    const c = tf.tidy(() => overlapCount(8, 8, 5, { stride: 3, padding: 1 }).arraySync());
    expect(c[7]).toEqual(new Array(8).fill(0));
    expect(c[3][3]).toBe(4);
  });

  it('blockIndexSelect picks whole columns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        (B, K, L, L2, seed) => {
          return tf.tidy(() => {
            const cols = tf.randomNormal([B, K, L], 0, 1, 'float32', seed);
            const idx = tf.cast(
              tf.floor(tf.randomUniform([B, L2], 0, L, 'float32', seed)),
              'int32'
            );
            const out = blockIndexSelect(cols, idx).arraySync();
            const cv = cols.arraySync() as number[][][];
            const iv = idx.arraySync() as number[][];
            for (let b = 0; b < B; b++)
              for (let r = 0; r < K; r++)
                for (let j = 0; j < L2; j++) if (out[b][r][j] !== cv[b][r][iv[b][j]]) return false;
            return true;
          });
        }
      ),
      { numRuns: 30 }
    );
  });
});

describe('fold argument errors', () => {
  const x = tf.zeros([1, 1, 2, 6]);
  it('explains a kernel that does not fit', () => {
    expect(() => unfold(x, 5, { padding: 1 })).toThrow(
      'kernel_size=5 with padding=1 does not fit H=2: need H + 2·padding ≥ kernel_size'
    );
  });
  it('rejects k, s < 1 and p < 0 and non-integers', () => {
    expect(() => unfold(x, 0)).toThrow('kernel_size must be a whole number ≥ 1, got 0');
    expect(() => unfold(x, 2, { stride: 0 })).toThrow('stride must be a whole number ≥ 1, got 0');
    expect(() => unfold(x, 2, { padding: -1 })).toThrow(
      'padding must be a whole number ≥ 0, got -1'
    );
    expect(() => unfold(x, 1.5)).toThrow('kernel_size must be a whole number ≥ 1, got 1.5');
  });
  it('rejects wrong ranks', () => {
    expect(() => unfold(tf.zeros([2, 3, 3]), 1)).toThrow('x must be 4-D (B,C,H,W)');
    expect(() => fold(tf.zeros([1, 9]), [3, 3], 3)).toThrow('cols must be 3-D');
  });
  it('rejects cols whose shape does not match the kernel or output size', () => {
    expect(() => fold(tf.zeros([1, 8, 9]), [3, 3], 3, { padding: 1 })).toThrow(
      'not a multiple of kernel_size² = 9'
    );
    expect(() => fold(tf.zeros([1, 9, 8]), [3, 3], 3, { padding: 1 })).toThrow(
      'cols has L=8 columns but kernel_size=3, stride=1, padding=1 on output_size (3, 3) gives 3×3 = 9 patches'
    );
  });
  it('refuses huge sizes', () => {
    expect(() => overlapCount(100000, 100000, 3)).toThrow('more than the 268435456 (2^28)');
  });
  it('checks index dtype, batch and range', () => {
    const cols = tf.zeros([2, 3, 4]);
    expect(() => blockIndexSelect(cols, tf.zeros([2, 5]))).toThrow(
      'index must be int32, got float32'
    );
    expect(() => blockIndexSelect(cols, tf.zeros([1, 5], 'int32'))).toThrow(
      'index has batch 1 but cols has batch 2'
    );
    expect(() =>
      blockIndexSelect(
        cols,
        tf.tensor2d(
          [
            [0, 4],
            [1, 2]
          ],
          [2, 2],
          'int32'
        )
      )
    ).toThrow('index value 4 at flat position 1 is outside [0, 3]');
  });
  it('reports the patch grid', () => {
    expect(unfoldOutputSize(8, 7, 5, { stride: 3, padding: 1 })).toEqual({
      outH: 2,
      outW: 2,
      L: 4
    });
  });
});
