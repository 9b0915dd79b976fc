import { describe, expect, it } from 'vitest';
import { attentionCost, windowAttentionCost } from './attention-cost';

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

describe('windowAttentionCost', () => {
  it('Swin stage 1 (56×56, M = 7): HW·M² against (HW)² entries', () => {
    const c = windowAttentionCost({ B: 1, H: 56, W: 56, C: 96, window_size: 7, num_heads: 3 });
    expect(c.windowEntries).toBe(153_664);
    expect(c.globalEntries).toBe(9_834_496);
    expect(c.qkvEntries).toBe(3 * 3136 * 96);
    const linear = c.flops.find((f) => f.step.startsWith('qkv'))!;
    expect(linear.window).toBe(linear.global);
    const qk = c.flops.find((f) => f.step === 'q @ kᵀ')!;
    expect(qk.global / qk.window).toBe(3136 / 49);
  });
});
