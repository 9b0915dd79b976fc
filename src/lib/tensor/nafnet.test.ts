import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor } from '../../../tests/golden/golden';
import { layerNorm2d, sca, simpleGate } from './nafnet';
import { layerNormChannels } from './restormer';

describe('NAFNet: PyTorch parity', () => {
  for (const c of loadGolden('nafnet').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const t = Object.fromEntries(
          Object.entries(c.tensors).map(([k, g]) => [k, toTensor(g)])
        ) as Record<string, tf.Tensor>;
        if (c.params.op === 'simpleGate') {
          expect(compare(simpleGate(t.x), c.tensors.out)).toBeNull();
        } else if (c.params.op === 'sca') {
          const r = sca(t.x, { weight: t.weight, bias: t.bias });
          for (const name of ['pooled', 's', 'out'] as const)
            expect(compare(r[name], c.tensors[name]), name).toBeNull();
        } else {
          expect(compare(layerNorm2d(t.x, t.weight, t.bias), c.tensors.out)).toBeNull();
          if (c.params.tinyVariance) {
            // Restormer's eps (1e-5) in place of NAFNet's 1e-6 must not pass.
            expect(compare(layerNormChannels(t.x, t.weight, t.bias), c.tensors.out)).not.toBeNull();
          }
        }
      });
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('NAFNet invariants', () => {
  it('SCA is diagonal: out[b,c] = x[b,c] · s[b,c] and s depends only on channel means', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (B, C, H, W) => {
          const before = tf.memory().numTensors;
          const ok = tf.tidy(() => {
            const x = tf.randomNormal([B, C, H, W]);
            const p = { weight: tf.randomNormal([C, C, 1, 1]), bias: tf.randomNormal([C]) };
            const r = sca(x, p);
            // Shuffling pixels within each channel keeps the means, hence s.
            const flipped = tf.reverse(x, [2, 3]);
            const r2 = sca(flipped, p);
            const diag = tf.max(tf.abs(tf.sub(r.out, tf.mul(x, r.s)))).dataSync()[0];
            const same = tf.max(tf.abs(tf.sub(r.s, r2.s))).dataSync()[0];
            return r.s.shape.join() === `${B},${C},1,1` && diag === 0 && same < 1e-5;
          });
          return ok && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 30 }
    );
  });

  it('LayerNorm2d gives zero mean, unit variance per pixel with weight 1, bias 0', () => {
    tf.tidy(() => {
      const y = layerNorm2d(tf.randomNormal([2, 5, 3, 4]), tf.ones([5]), tf.zeros([5]));
      const { mean, variance } = tf.moments(y, 1);
      expect(tf.max(tf.abs(mean)).dataSync()[0]).toBeLessThan(1e-5);
      expect(tf.max(tf.abs(tf.sub(variance, 1))).dataSync()[0]).toBeLessThan(1e-3);
    });
  });

  it('SimpleGate halves the channels', () => {
    tf.tidy(() => {
      const x = tf.reshape(tf.range(1, 9), [1, 4, 1, 2]);
      const y = simpleGate(x);
      expect(y.shape).toEqual([1, 2, 1, 2]);
      expect(Array.from(y.dataSync())).toEqual([1 * 5, 2 * 6, 3 * 7, 4 * 8]);
    });
  });
});

describe('NAFNet argument errors', () => {
  it('SimpleGate needs an even C', () => {
    expect(() => simpleGate(tf.zeros([1, 3, 2, 2]))).toThrow(
      'SimpleGate splits C in two halves, but C=3 is odd'
    );
  });
  it('SCA and LayerNorm2d check their weights', () => {
    const x = tf.zeros([1, 4, 2, 2]);
    expect(() => sca(x, { weight: tf.zeros([4, 4]), bias: tf.zeros([4]) })).toThrow(
      'sca weight must have shape [4, 4, 1, 1] (C,C,1,1), got [4, 4]'
    );
    expect(() => layerNorm2d(x, tf.ones([4]), tf.zeros([3]))).toThrow(
      'LayerNorm2d bias must have shape [4] (C, the channels of x), got [3]'
    );
    expect(() => layerNorm2d(tf.zeros([4, 2, 2]), tf.ones([4]), tf.zeros([4]))).toThrow(
      'x must be 4-D (B,C,H,W)'
    );
  });
});
