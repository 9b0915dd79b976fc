import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { hierarchy } from './hierarchy';

describe('hierarchy', () => {
  it("Swin-T at 224: 56²×96 → 28²×192 → 14²×384 → 7²×768, 4.49 G as Swin's flops()", () => {
    const before = tf.memory().numTensors;
    const h = hierarchy(224);
    expect(tf.memory().numTensors).toBe(before);
    expect(h.stages.map((s) => [s.resolution[0], s.channels, s.tokens])).toEqual([
      [56, 96, 3136],
      [28, 192, 784],
      [14, 384, 196],
      [7, 768, 49]
    ]);
    expect(h.stages[1].shape).toEqual([0, 784, 192]);
    // Swin's flops() for swin_tiny_patch4_window7_224, computed with its formulas in Python.
    expect(h.total).toBe(4494292224);
    expect(h.stages[0].opFlops).toBe(14751744);
    expect(h.stages[1].opFlops).toBe(58103808);
    expect(h.stages.map((s) => s.windowSize)).toEqual([7, 7, 7, 7]);
  });
  it("Restormer's levels double channels and halve the side", () => {
    expect(hierarchy(128).restormer.map((r) => r.shape)).toEqual([
      [0, 48, 128, 128],
      [0, 96, 64, 64],
      [0, 192, 32, 32],
      [0, 384, 16, 16]
    ]);
  });
});
