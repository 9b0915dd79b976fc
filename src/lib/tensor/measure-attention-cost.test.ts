import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { attentionCost, windowAttentionCost, type AttentionKind } from './attention-cost';
import { measureAttentionCost } from './measure-attention-cost';

describe('measureAttentionCost: the formulas equal the real tensors', () => {
  for (const kind of ['global', 'window', 'mdta'] as AttentionKind[])
    for (const [side, C, heads] of [
      [8, 4, 1],
      [16, 8, 2]
    ])
      it(`${kind} at ${side}×${side}, C=${C}, heads=${heads}`, () => {
        const before = tf.memory().numTensors;
        expect(measureAttentionCost(kind, side, C, heads, 8)).toEqual(
          attentionCost(kind, side, side, C, heads, 8)
        );
        expect(tf.memory().numTensors).toBe(before);
      });
});

describe('windowAttentionCost: the /window-attention table equals the real tensors', () => {
  it('entries and q @ kᵀ + attn @ v FLOPs, window and global, at 16×16, C=8, heads=2, M=8', () => {
    const c = windowAttentionCost({ B: 1, H: 16, W: 16, C: 8, window_size: 8, num_heads: 2 });
    for (const kind of ['window', 'global'] as const) {
      const measured = measureAttentionCost(kind, 16, 8, 2, 8);
      expect(c[`${kind}Entries`] * 2).toBe(measured.entries);
      const matmuls = c.flops.filter((f) => f.step === 'q @ kᵀ' || f.step === 'attn @ v');
      expect(matmuls.reduce((s, f) => s + f[kind], 0)).toBe(2 * measured.macs);
    }
  });
});
