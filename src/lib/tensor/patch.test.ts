import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor } from '../../../tests/golden/golden';
import { patchEmbed, patchMerging } from './patch';

const golden = loadGolden('swin_patch');

describe('patchEmbed: PyTorch parity', () => {
  for (const c of golden.cases.filter((k) => k.params.op === 'patchEmbed')) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const t = (k: string) => (c.tensors[k] ? toTensor(c.tensors[k]) : null);
      const inputs = {
        x: t('x')!,
        projWeight: t('proj_weight')!,
        projBias: t('proj_bias')!,
        normWeight: t('norm_weight'),
        normBias: t('norm_bias')
      };
      const r = patchEmbed(inputs.x, { patchSize: c.params.patch_size as number, ...inputs });
      expect(compare(r.conv, c.tensors.conv), 'conv').toBeNull();
      expect(compare(r.tokens, c.tensors.tokens), 'tokens').toBeNull();
      expect(compare(r.out, c.tensors.out), 'out').toBeNull();
      tf.dispose([inputs, r] as unknown as tf.TensorContainerArray);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('patchMerging: PyTorch parity (x0..x3 order)', () => {
  for (const c of golden.cases.filter((k) => k.params.op === 'patchMerging')) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const x = toTensor(c.tensors.x);
      const p = {
        normWeight: toTensor(c.tensors.norm_weight),
        normBias: toTensor(c.tensors.norm_bias),
        reductionWeight: toTensor(c.tensors.reduction_weight)
      };
      const r = patchMerging(x, c.params.H as number, c.params.W as number, p);
      for (const k of ['x0', 'x1', 'x2', 'x3', 'merged', 'normed', 'out'] as const) {
        expect(compare(r[k], c.tensors[k]), k).toBeNull();
      }
      tf.dispose([x, p, r]);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('patch invariants', () => {
  it('merging puts (even,even), (odd,even), (even,odd), (odd,odd) in channel blocks 0..3', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (h, w, C) => {
          const [H, W] = [2 * h, 2 * w];
          const before = tf.memory().numTensors;
          const merged = tf.tidy(() => {
            const x = tf.reshape(tf.range(0, H * W * C), [1, H * W, C]);
            const p = {
              normWeight: tf.ones([4 * C]),
              normBias: tf.zeros([4 * C]),
              reductionWeight: tf.zeros([2 * C, 4 * C])
            };
            return patchMerging(x, H, W, p).merged.arraySync()[0];
          });
          const offsets = [
            [0, 0],
            [1, 0],
            [0, 1],
            [1, 1]
          ];
          for (let t = 0; t < h * w; t++) {
            const [i, j] = [Math.floor(t / w), t % w];
            for (let q = 0; q < 4; q++)
              for (let c = 0; c < C; c++) {
                const [dy, dx] = offsets[q];
                const src = ((2 * i + dy) * W + 2 * j + dx) * C + c;
                if (merged[t][q * C + c] !== src) return false;
              }
          }
          return tf.memory().numTensors === before;
        }
      ),
      { numRuns: 30 }
    );
  });

  it('embed tokens are the patches in raster order: token t = patch (t div W′, t mod W′)', () => {
    tf.tidy(() => {
      // A filter that reads only the top-left pixel of each patch.
      const [H, W, ps] = [4, 6, 2];
      const x = tf.reshape(tf.range(0, H * W), [1, 1, H, W]);
      const wt = tf.buffer([1, 1, ps, ps]);
      wt.set(1, 0, 0, 0, 0);
      const r = patchEmbed(x, {
        patchSize: ps,
        projWeight: wt.toTensor(),
        projBias: tf.zeros([1])
      });
      const expected = [0, 2, 4, 12, 14, 16];
      expect(Array.from(r.out.dataSync())).toEqual(expected);
    });
  });
});

describe('patch argument errors', () => {
  it('patchMerging needs even H and W, and matching tokens', () => {
    tf.tidy(() => {
      const p = {
        normWeight: tf.ones([8]),
        normBias: tf.zeros([8]),
        reductionWeight: tf.zeros([4, 8])
      };
      expect(() => patchMerging(tf.zeros([1, 15, 2]), 3, 5, p)).toThrow(
        'H=3 and W=5 must both be even: patch merging takes 2×2 neighbourhoods'
      );
      expect(() => patchMerging(tf.zeros([1, 15, 2]), 4, 4, p)).toThrow(
        'x has 15 tokens but H·W = 4·4 = 16'
      );
      expect(() =>
        patchMerging(tf.zeros([1, 16, 2]), 4, 4, { ...p, reductionWeight: tf.zeros([8, 4]) })
      ).toThrow('reduction.weight must have shape [4, 8] (2C,4C), got [8, 4]');
    });
  });
  it('patchEmbed needs sides divisible by the patch and an [E, C, ps, ps] weight', () => {
    tf.tidy(() => {
      const p = { patchSize: 4, projWeight: tf.zeros([6, 3, 4, 4]), projBias: tf.zeros([6]) };
      expect(() => patchEmbed(tf.zeros([1, 3, 10, 8]), p)).toThrow(
        'H=10, W=8 must be multiples of patch_size=4: a stride-4 convolution would drop the last 2 rows and 0 columns'
      );
      expect(() => patchEmbed(tf.zeros([1, 2, 8, 8]), p)).toThrow(
        'proj.weight must have shape [6, 2, 4, 4] (E,C,ps,ps), got [6, 3, 4, 4]'
      );
      expect(() => patchEmbed(tf.zeros([1, 3, 8, 8]), { ...p, normWeight: tf.ones([6]) })).toThrow(
        'norm.weight and norm.bias must be given together'
      );
    });
  });
});
