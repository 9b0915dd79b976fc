import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor } from '../../../tests/golden/golden';
import { pixelShuffle, pixelUnshuffle } from './pixel-shuffle';

const golden = loadGolden('pixel_shuffle');
const ops = { pixelUnshuffle, pixelShuffle };

describe('pixelUnshuffle / pixelShuffle: PyTorch parity (F.pixel_unshuffle, F.pixel_shuffle)', () => {
  for (const c of golden.cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const x = toTensor(c.tensors.x);
      const op = ops[c.params.op as keyof typeof ops];
      const out = op(x, c.params.factor as number);
      // Pure data movement: exact, not merely within tolerance.
      expect(compare(out, c.tensors.out, 0, 0)).toBeNull();
      tf.dispose([x, out]);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('pixel shuffle invariants', () => {
  it('shuffle ∘ unshuffle and unshuffle ∘ shuffle are the identity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (B, C, h, w, r) => {
          const before = tf.memory().numTensors;
          const ok = tf.tidy(() => {
            const x = tf.randomNormal([B, C, h * r, w * r]);
            const y = tf.randomNormal([B, C * r * r, h, w]);
            const same = (a: tf.Tensor, b: tf.Tensor) =>
              a.shape.join() === b.shape.join() && tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] === 0;
            return (
              same(pixelShuffle(pixelUnshuffle(x, r), r), x) &&
              same(pixelUnshuffle(pixelShuffle(y, r), r), y)
            );
          });
          return ok && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 40 }
    );
  });

  it('output channel c·r² + i·r + j at (y, x) is input channel c at (r·y + i, r·x + j)', () => {
    const [C, H, W, r] = [2, 4, 6, 2];
    const out = tf.tidy(() =>
      pixelUnshuffle(tf.reshape(tf.range(0, C * H * W), [1, C, H, W]), r).arraySync()
    )[0];
    for (let c = 0; c < C; c++)
      for (let i = 0; i < r; i++)
        for (let j = 0; j < r; j++)
          for (let y = 0; y < H / r; y++)
            for (let x = 0; x < W / r; x++)
              expect(out[c * r * r + i * r + j][y][x]).toBe((c * H + r * y + i) * W + r * x + j);
  });
});

describe('pixel shuffle argument errors', () => {
  it('unshuffle needs sides divisible by the factor', () => {
    tf.tidy(() => {
      expect(() => pixelUnshuffle(tf.zeros([1, 3, 5, 6]), 2)).toThrow(
        'H=5 and W=6 must be multiples of downscale_factor=2: pixel_unshuffle folds 2×2 blocks into channels; pad or crop to 6×6'
      );
      expect(() => pixelUnshuffle(tf.zeros([1, 5, 6]), 2)).toThrow(
        'x must be 4-D (B,C,H,W), got shape [1, 5, 6]'
      );
      expect(() => pixelUnshuffle(tf.zeros([1, 1, 2, 2]), 0)).toThrow(
        'downscale_factor must be a whole number ≥ 1, got 0'
      );
    });
  });
  it('shuffle needs channels divisible by the factor squared', () => {
    tf.tidy(() => {
      expect(() => pixelShuffle(tf.zeros([1, 6, 2, 2]), 2)).toThrow(
        'x has 6 channels, not a multiple of upscale_factor²=4: pixel_shuffle turns each group of 4 channels into one 2×2 block'
      );
    });
  });
});
