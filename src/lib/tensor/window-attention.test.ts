import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor, type GoldenCase } from '../../../tests/golden/golden';
import { windowAttention, type WindowAttentionParams } from './window-attention';
import { shiftedWindowMask } from './shift';

const FIELDS = [
  ['qkv', 'qkv'],
  ['q', 'q'],
  ['k', 'k'],
  ['v', 'v'],
  ['qScaled', 'q_scaled'],
  ['attnQk', 'attn_qk'],
  ['relBias', 'rel_bias'],
  ['attnBiased', 'attn_biased'],
  ['attnLogits', 'attn_logits'],
  ['attn', 'attn'],
  ['headsOut', 'heads_out'],
  ['merged', 'merged'],
  ['out', 'out']
] as const;

function paramsOf(c: GoldenCase): WindowAttentionParams {
  const t = c.tensors;
  return {
    numHeads: c.params.num_heads as number,
    windowSize: c.params.window_size as [number, number],
    qkvWeight: toTensor(t.qkv_weight),
    qkvBias: t.qkv_bias ? toTensor(t.qkv_bias) : null,
    projWeight: toTensor(t.proj_weight),
    projBias: toTensor(t.proj_bias),
    relativePositionBiasTable: toTensor(t.relative_position_bias_table),
    qkScale: c.params.qk_scale as number | null
  };
}

describe('windowAttention: PyTorch parity, every intermediate', () => {
  for (const c of loadGolden('swin_attention').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const x = toTensor(c.tensors.x);
      const p = paramsOf(c);
      const mask = c.tensors.mask ? toTensor(c.tensors.mask) : undefined;
      const r = windowAttention(x, p, mask);
      for (const [ours, theirs] of FIELDS) {
        expect(compare(r[ours], c.tensors[theirs]), ours).toBeNull();
      }
      tf.dispose([x, p as unknown as tf.TensorContainerObject, mask, r]);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

function randomParams(C: number, heads: number, Wh: number, Ww: number): WindowAttentionParams {
  return {
    numHeads: heads,
    windowSize: [Wh, Ww],
    qkvWeight: tf.randomNormal([3 * C, C]),
    qkvBias: tf.randomNormal([3 * C]),
    projWeight: tf.randomNormal([C, C]),
    projBias: tf.randomNormal([C]),
    relativePositionBiasTable: tf.randomNormal([(2 * Wh - 1) * (2 * Ww - 1), heads])
  };
}

describe('windowAttention invariants', () => {
  it('softmax rows sum to 1, with and without the shift mask', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (ws, B, heads, d, masked) => {
          const before = tf.memory().numTensors;
          const ok = tf.tidy(() => {
            const C = heads * d;
            const [H, W] = [2 * ws, ws];
            const mask = masked ? shiftedWindowMask(H, W, ws, 1).attnMask : null;
            const nW = (H / ws) * (W / ws);
            const x = tf.randomNormal([B * nW, ws * ws, C]);
            const r = windowAttention(x, randomParams(C, heads, ws, ws), mask);
            const err = tf.max(tf.abs(tf.sub(tf.sum(r.attn, -1), 1))).dataSync()[0];
            return err < 1e-5;
          });
          return ok && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 30 }
    );
  });

  it('window row r uses mask[r mod nW]: masked pairs get ~0 weight in every image', () => {
    tf.tidy(() => {
      const { attnMask } = shiftedWindowMask(4, 4, 2, 1);
      const nW = 4;
      const r = windowAttention(
        tf.randomNormal([2 * nW, 4, 2]),
        randomParams(2, 1, 2, 2),
        attnMask
      );
      const attn = r.attn.arraySync();
      const logits = r.attnBiased.arraySync();
      const mask = attnMask.arraySync();
      let masked = 0;
      for (let row = 0; row < 2 * nW; row++)
        for (let i = 0; i < 4; i++)
          for (let j = 0; j < 4; j++) {
            if (mask[row % nW][i][j] !== -100) continue;
            masked++;
            // The row's softmax sum holds at least its own unmasked diagonal term, so a masked
            // weight is at most e^(logit_ij − 100 − logit_ii), ~e^−100, whatever the random logits
            // (a fixed 1e-30 failed once: 8.7e-21, a logit ~54 above its row's diagonal).
            const l = logits[row][0][i];
            const bound = Math.exp(l[j] - 100 - l[i]);
            expect(attn[row][0][i][j]).toBeLessThanOrEqual(bound * 1.01 + 1e-44);
          }
      expect(masked).toBeGreaterThan(0);
    });
  });
});

describe('windowAttention argument errors', () => {
  const p = () => randomParams(6, 2, 2, 2);
  it('heads must divide C, listing the divisors', () => {
    tf.tidy(() => {
      const x = tf.zeros([1, 4, 6]);
      expect(() => windowAttention(x, { ...p(), numHeads: 4 })).toThrow(
        'num_heads=4 does not divide C=6: choose a divisor of 6: 1, 2, 3, 6'
      );
    });
  });
  it('N must be Wh·Ww', () => {
    tf.tidy(() => {
      expect(() => windowAttention(tf.zeros([1, 5, 6]), p())).toThrow(
        'x has N=5 tokens per window, but window_size 2×2 has Wh·Ww=4'
      );
    });
  });
  it('weights in PyTorch (out, in) layout', () => {
    tf.tidy(() => {
      expect(() =>
        windowAttention(tf.zeros([1, 4, 6]), { ...p(), qkvWeight: tf.zeros([6, 18]) })
      ).toThrow('qkv.weight must have shape [18, 6] (3C,C), got [6, 18]');
    });
  });
  it('mask shape and B_ a multiple of nW', () => {
    tf.tidy(() => {
      const x = tf.zeros([3, 4, 6]);
      expect(() => windowAttention(x, p(), tf.zeros([2, 4, 4]))).toThrow(
        "B_=3 windows is not a multiple of the mask's nW=2"
      );
      expect(() => windowAttention(x, p(), tf.zeros([3, 9, 9]))).toThrow(
        'mask must be [nW, 4, 4] for N=4 tokens, got [3, 9, 9]'
      );
    });
  });
  it('does not leak when it throws', () => {
    const params = p();
    const x = tf.zeros([1, 4, 6]);
    const before = tf.memory().numTensors;
    expect(() => windowAttention(x, { ...params, numHeads: 4 })).toThrow();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, params as unknown as tf.TensorContainerObject]);
  });
});
