import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { attentionCost, measureAttentionCost, type AttentionKind } from './attention-cost';

describe('attentionCost', () => {
  it('matches the Swin stage-1 numbers (56×56, M = 7): HW·M² entries per head instead of (HW)²', () => {
    expect(attentionCost('global', 56, 56, 96, 1).entries).toBe(9_834_496);
    expect(attentionCost('window', 56, 56, 96, 1, 7).entries).toBe(153_664);
  });
  it('MDTA does not grow with the image', () => {
    expect(attentionCost('mdta', 8, 8, 48, 1).entries).toBe(48 * 48);
    expect(attentionCost('mdta', 512, 512, 48, 1).entries).toBe(48 * 48);
    expect(attentionCost('mdta', 512, 512, 48, 2).macs).toBe((2 * 512 * 512 * 48 * 48) / 2);
  });
  it('window attention pads partial windows (SwinIR) in the count', () => {
    expect(attentionCost('window', 9, 8, 4, 1, 8).entries).toBe(2 * 64 * 64);
  });
});

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
