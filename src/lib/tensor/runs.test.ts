import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { rollAxisRuns, unstack } from './runs';

describe('runs: unstack and one-axis roll by contiguous copies (wasm), tfjs ops elsewhere', () => {
  it('unstack equals tf.unstack along axis 0, with no leak', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        (shape) => {
          const before = tf.memory().numTensors;
          const ok = tf.tidy(() => {
            const x = tf.reshape(
              tf.range(
                0,
                shape.reduce((p, s) => p * s, 1)
              ),
              shape
            );
            const ours = unstack(x);
            const theirs = tf.unstack(x, 0);
            return (
              ours.length === theirs.length &&
              ours.every(
                (t, i) =>
                  t.shape.join() === theirs[i].shape.join() &&
                  t.dataSync().every((v, j) => v === theirs[i].dataSync()[j])
              )
            );
          });
          return ok && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 40 }
    );
  });
  it('rollAxisRuns is a roll on wasm (null elsewhere: the caller slices or gathers)', () => {
    tf.tidy(() => {
      const x = tf.reshape(tf.range(0, 24), [2, 3, 4]);
      const y = rollAxisRuns(x, 1, 1);
      if (tf.getBackend() !== 'wasm') {
        expect(y).toBeNull();
        return;
      }
      expect(Array.from(y!.dataSync())).toEqual([
        8, 9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7, 20, 21, 22, 23, 12, 13, 14, 15, 16, 17, 18, 19
      ]);
    });
  });
});
