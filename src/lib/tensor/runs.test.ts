import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { chunk, gatherLast, rollAxisRuns, unstack } from './runs';

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
  it('chunk equals tf.split into equal pieces along any axis', () => {
    tf.tidy(() => {
      const x = tf.reshape(tf.range(0, 2 * 6 * 3), [2, 6, 3]);
      for (const [n, axis] of [
        [2, 0],
        [3, 1],
        [3, 2]
      ]) {
        const ours = chunk(x, n, axis);
        const theirs = tf.split(x, n, axis);
        expect(ours.map((t) => t.shape)).toEqual(theirs.map((t) => t.shape));
        ours.forEach((t, i) =>
          expect(Array.from(t.dataSync())).toEqual(Array.from(theirs[i].dataSync()))
        );
      }
    });
  });
  it('gatherLast equals tf.gather on the last axis (repeats and any order)', () => {
    tf.tidy(() => {
      const x = tf.reshape(tf.range(0, 2 * 3 * 5), [2, 3, 5]);
      const table = Int32Array.from([4, 0, 0, 2, 4, 1]);
      const ours = gatherLast(x, table);
      const theirs = tf.gather(x, tf.tensor1d(table, 'int32'), 2);
      expect(ours.shape).toEqual(theirs.shape);
      expect(Array.from(ours.dataSync())).toEqual(Array.from(theirs.dataSync()));
    });
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
