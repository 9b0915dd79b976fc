import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor } from '../../../tests/golden/golden';
import {
  relativePositionBias,
  relativePositionIndex,
  relativePositionTableSize
} from './relative-position';

describe('relativePositionIndex / relativePositionBias: PyTorch parity', () => {
  for (const c of loadGolden('swin_relpos').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const ws = c.params.window_size as [number, number];
      const r = relativePositionIndex(ws);
      expect(compare(r.coords, c.tensors.coords)).toBeNull();
      expect(compare(r.coordsFlatten, c.tensors.coords_flatten)).toBeNull();
      expect(compare(r.relativeCoords, c.tensors.relative_coords)).toBeNull();
      expect(compare(r.relativeCoordsShifted, c.tensors.relative_coords_shifted)).toBeNull();
      expect(compare(r.relativeCoordsScaled, c.tensors.relative_coords_scaled)).toBeNull();
      expect(compare(r.relativePositionIndex, c.tensors.relative_position_index)).toBeNull();
      expect(r.relativePositionIndex.dtype).toBe('int32');
      const table = toTensor(c.tensors.table);
      const bias = relativePositionBias(table, ws);
      expect(compare(bias, c.tensors.relative_position_bias)).toBeNull();
      tf.dispose([r, table, bias]);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('relative position invariants', () => {
  it('index values fill exactly 0..(2Wh−1)(2Ww−1)−1, and equal offsets share an index', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (Wh, Ww) => {
        const before = tf.memory().numTensors;
        const r = relativePositionIndex([Wh, Ww]);
        const index = r.relativePositionIndex.arraySync();
        const rel = r.relativeCoords.arraySync();
        tf.dispose(r);
        const seen = new Map<number, string>();
        for (let i = 0; i < Wh * Ww; i++)
          for (let j = 0; j < Wh * Ww; j++) {
            const key = rel[i][j].join(',');
            const prev = seen.get(index[i][j]);
            if (prev !== undefined && prev !== key) return false; // a collision
            seen.set(index[i][j], key);
          }
        const rows = relativePositionTableSize([Wh, Ww]);
        const values = [...seen.keys()].sort((a, b) => a - b);
        return (
          values.length === rows &&
          values.every((v, k) => v === k) &&
          tf.memory().numTensors === before
        );
      }),
      { numRuns: 30 }
    );
  });

  it('the 2Ww−1 factor is on the row offset: one row apart differs by 2Ww−1', () => {
    const [Wh, Ww] = [2, 3];
    const r = relativePositionIndex([Wh, Ww]);
    const index = r.relativePositionIndex.arraySync();
    // token (1,0) = 3 vs token (0,0) = 0, both seen from token 0
    expect(index[3][0] - index[0][0]).toBe(2 * Ww - 1);
    expect(index[1][0] - index[0][0]).toBe(1);
    tf.dispose(r);
  });

  it('without the ×(2Ww−1) the shifted offsets of a 3×3 window collide; with it all 25 are distinct', () => {
    const r = relativePositionIndex([3, 3]);
    const shifted = r.relativeCoordsShifted.arraySync();
    const plainSums = new Set(shifted.flat().map(([a, b]) => a + b));
    expect(plainSums.size).toBeLessThan(25);
    expect(new Set(r.relativePositionIndex.dataSync()).size).toBe(25);
    tf.dispose(r);
  });
});

describe('relative position argument errors', () => {
  it('rejects a table with the wrong row count, naming the formula', () => {
    const t = tf.zeros([5, 2]);
    expect(() => relativePositionBias(t, [3, 3])).toThrow(
      'relative_position_bias_table must have (2·3−1)(2·3−1) = 25 rows for a 3×3 window, got 5'
    );
    t.dispose();
  });
  it('rejects bad window sizes', () => {
    expect(() => relativePositionIndex([0, 3])).toThrow(
      'window_size[0] (Wh) must be a whole number ≥ 1, got 0'
    );
    expect(() => relativePositionIndex([3] as unknown as [number, number])).toThrow(
      'window_size must be a pair [Wh, Ww], got [3]'
    );
  });
});
