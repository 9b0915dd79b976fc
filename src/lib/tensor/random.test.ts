import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { seededNormal, seededUniform } from './random';

describe('seeded random tensors', () => {
  it('seed 0 is a seed: the same tensor every time', () => {
    const [a, b] = [seededNormal([64], 0), seededNormal([64], 0)];
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    const [u, v] = [seededUniform([8], 0, 2, 3), seededUniform([8], 0, 2, 3)];
    expect(Array.from(u.dataSync())).toEqual(Array.from(v.dataSync()));
    expect(Math.min(...u.dataSync())).toBeGreaterThanOrEqual(2);
    tf.dispose([a, b, u, v]);
  });
  it('different seeds differ, and mean/std apply', () => {
    const [a, b] = [seededNormal([256], 1, 5, 0.01), seededNormal([256], 2, 5, 0.01)];
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(b.dataSync()));
    expect(Math.abs(tf.mean(a).dataSync()[0] - 5)).toBeLessThan(0.01);
    tf.dispose([a, b]);
  });
  it('refuses negative or fractional seeds', () => {
    expect(() => seededNormal([2], -1)).toThrow('seed must be a whole number ≥ 0, got -1');
    expect(() => seededUniform([2], 0.5)).toThrow('seed must be a whole number ≥ 0, got 0.5');
  });
});
