import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor, type GoldenCase } from '../../../tests/golden/golden';
import { effectiveWindow, swinBlock, type SwinBlockParams } from './swin-block';

const FIELDS = [
  ['xNorm1', 'x_norm1'],
  ['shifted', 'shifted'],
  ['windows', 'windows'],
  ['attn', 'attn'],
  ['attnWindows', 'attn_windows'],
  ['reversed', 'reversed'],
  ['unshifted', 'unshifted'],
  ['x1', 'x1'],
  ['xNorm2', 'x_norm2'],
  ['hidden', 'hidden'],
  ['hiddenAct', 'hidden_act'],
  ['mlpOut', 'mlp_out'],
  ['out', 'out']
] as const;

function paramsOf(c: GoldenCase): SwinBlockParams {
  const t = (k: string) => toTensor(c.tensors[k]);
  return {
    numHeads: c.params.num_heads as number,
    windowSize: c.params.window_size as number,
    shiftSize: c.params.shift_size as number,
    norm1Weight: t('norm1_weight'),
    norm1Bias: t('norm1_bias'),
    qkvWeight: t('qkv_weight'),
    qkvBias: t('qkv_bias'),
    projWeight: t('proj_weight'),
    projBias: t('proj_bias'),
    relativePositionBiasTable: t('relative_position_bias_table'),
    norm2Weight: t('norm2_weight'),
    norm2Bias: t('norm2_bias'),
    fc1Weight: t('fc1_weight'),
    fc1Bias: t('fc1_bias'),
    fc2Weight: t('fc2_weight'),
    fc2Bias: t('fc2_bias'),
    inputResolution: c.params.input_resolution as [number, number]
  };
}

const asContainer = (p: SwinBlockParams) => p as unknown as tf.TensorContainerObject;

describe('swinBlock: PyTorch parity, every intermediate', () => {
  for (const c of loadGolden('swin_block').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const x = toTensor(c.tensors.x);
      const p = paramsOf(c);
      const r = swinBlock(x, c.params.H as number, c.params.W as number, p);
      expect(r.windowSize).toBe(c.params.effective_window_size);
      expect(r.shiftSize).toBe(c.params.effective_shift_size);
      for (const [ours, theirs] of FIELDS) {
        expect(compare(r[ours], c.tensors[theirs]), ours).toBeNull();
      }
      if (c.tensors.attn_mask) expect(compare(r.attnMask!, c.tensors.attn_mask)).toBeNull();
      else expect(r.attnMask).toBeUndefined();
      tf.dispose([x, asContainer(p), r]);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

function randomParams(C: number, heads: number, ws: number, shift: number, wsEff: number) {
  return {
    numHeads: heads,
    windowSize: ws,
    shiftSize: shift,
    norm1Weight: tf.ones([C]),
    norm1Bias: tf.zeros([C]),
    qkvWeight: tf.randomNormal([3 * C, C]),
    qkvBias: tf.randomNormal([3 * C]),
    projWeight: tf.randomNormal([C, C]),
    projBias: tf.randomNormal([C]),
    relativePositionBiasTable: tf.randomNormal([(2 * wsEff - 1) ** 2, heads]),
    norm2Weight: tf.ones([C]),
    norm2Bias: tf.zeros([C]),
    fc1Weight: tf.randomNormal([2 * C, C]),
    fc1Bias: tf.zeros([2 * C]),
    fc2Weight: tf.randomNormal([C, 2 * C]),
    fc2Bias: tf.zeros([C])
  } satisfies SwinBlockParams;
}

describe('swinBlock invariants', () => {
  it('applies the official clamp: min(H, W) ≤ ws ⇒ ws = min(H, W), shift 0', () => {
    expect(effectiveWindow(4, 8, 7, 3)).toEqual({ windowSize: 4, shiftSize: 0 });
    expect(effectiveWindow(8, 8, 8, 4)).toEqual({ windowSize: 8, shiftSize: 0 });
    expect(effectiveWindow(9, 12, 3, 1)).toEqual({ windowSize: 3, shiftSize: 1 });
    // SwinIR: built for 64×64, run on a padded 8×8 image: no clamp, window 8 with shift 4 and a mask.
    expect(effectiveWindow(8, 8, 8, 4, [64, 64])).toEqual({ windowSize: 8, shiftSize: 4 });
  });

  it('unshift ∘ shift puts every token back: with a zero attention path the block is the MLP residual', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        (ws, nh, nw, rawShift) => {
          const shift = rawShift % ws;
          const [H, W, C] = [nh * ws, nw * ws, 2];
          const before = tf.memory().numTensors;
          const ok = tf.tidy(() => {
            const p = randomParams(C, 1, ws, shift, ws);
            // proj = 0 and its bias = t: the attention branch adds t to every token.
            const zeroed = { ...p, projWeight: tf.zeros([C, C]), projBias: tf.tensor1d([1, -2]) };
            const x = tf.randomNormal([1, H * W, C]);
            const r = swinBlock(x, H, W, zeroed);
            const expected = tf.add(x, tf.tensor1d([1, -2]));
            return tf.max(tf.abs(tf.sub(r.x1, expected))).dataSync()[0] < 1e-6;
          });
          return ok && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 25 }
    );
  });
});

describe('swinBlock argument errors', () => {
  it('names the clamp when the table was sized for the requested window', () => {
    tf.tidy(() => {
      const p = randomParams(4, 2, 7, 3, 7);
      expect(() => swinBlock(tf.zeros([1, 16, 4]), 4, 4, p)).toThrow(
        'relative_position_bias_table must have (2·4−1)² = 49 rows for the effective window_size=4 ' +
          '(clamped from 7 because min(input_resolution) = 4 ≤ 7), got shape [169, 2]'
      );
    });
  });
  it('H·W must match the tokens, H and W multiples of the window', () => {
    tf.tidy(() => {
      const p = randomParams(4, 2, 4, 2, 4);
      expect(() => swinBlock(tf.zeros([1, 60, 4]), 6, 8, p)).toThrow(
        'x has 60 tokens but H·W = 6·8 = 48'
      );
      expect(() => swinBlock(tf.zeros([1, 80, 4]), 10, 8, p)).toThrow(
        'H=10 is not a multiple of window_size=4: pad to 12 as SwinIR does'
      );
    });
  });
  it('heads must divide C; shift below the window', () => {
    tf.tidy(() => {
      const p = randomParams(6, 4, 4, 2, 4);
      expect(() => swinBlock(tf.zeros([1, 64, 6]), 8, 8, p)).toThrow(
        'num_heads=4 does not divide C=6: choose a divisor of 6: 1, 2, 3, 6'
      );
      const q = randomParams(4, 2, 4, 4, 4);
      expect(() => swinBlock(tf.zeros([1, 64, 4]), 8, 8, q)).toThrow(
        'shift_size=4 must be smaller than window_size=4'
      );
    });
  });
  it('an error raised inside the computation (qkv weight layout) leaks nothing', () => {
    const p = { ...randomParams(4, 2, 4, 2, 4) };
    const bad = { ...p, qkvWeight: tf.zeros([4, 12]) };
    const x = tf.zeros([1, 64, 4]);
    const before = tf.memory().numTensors;
    expect(() => swinBlock(x, 8, 8, bad)).toThrow(
      'qkv.weight must have shape [12, 4] (3C,C), got [4, 12]'
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, asContainer(p), bad.qkvWeight]);
  });
  it('MLP weights must agree with fc1', () => {
    tf.tidy(() => {
      const p = { ...randomParams(4, 2, 4, 2, 4), fc2Weight: tf.zeros([4, 5]) };
      expect(() => swinBlock(tf.zeros([1, 64, 4]), 8, 8, p)).toThrow(
        'mlp.fc2.weight must have shape [4, 8] (C,hidden), got [4, 5]'
      );
    });
  });
});
