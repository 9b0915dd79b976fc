import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor } from '../../../tests/golden/golden';
import { roll } from './roll';

describe('roll: PyTorch parity (torch.roll)', () => {
  for (const c of loadGolden('swin_roll').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const x = toTensor(c.tensors.x);
      const out = roll(x, c.params.shifts as number[], c.params.dims as number[]);
      expect(compare(out, c.tensors.out)).toBeNull();
      tf.dispose([x, out]);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('roll invariants', () => {
  it('moves x[j] to out[(j + s) mod n], also for int32', () => {
    const out = roll(tf.tensor1d([0, 1, 2, 3, 4], 'int32'), [-1], [0]);
    expect(Array.from(out.dataSync())).toEqual([1, 2, 3, 4, 0]);
    expect(out.dtype).toBe('int32');
    out.dispose();
  });

  it('roll by s then by −s is the identity; s and s + n agree', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        (shape, rawShifts, rawDims) => {
          const k = Math.min(rawShifts.length, rawDims.length);
          const shifts = rawShifts.slice(0, k);
          // Mix positive and negative axis numbers.
          const dims = rawDims
            .slice(0, k)
            .map((d, i) => (i % 2 ? -(d % shape.length) - 1 : d % shape.length));
          const before = tf.memory().numTensors;
          const ok = tf.tidy(() => {
            const x = tf.randomNormal(shape);
            const back = roll(
              roll(x, shifts, dims),
              shifts.map((s) => -s),
              dims
            );
            const wrapped = roll(
              x,
              shifts.map((s, i) => s + shape[dims[i] < 0 ? dims[i] + shape.length : dims[i]]),
              dims
            );
            const same = (a: tf.Tensor, b: tf.Tensor) =>
              tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] === 0;
            return same(back, x) && same(wrapped, roll(x, shifts, dims));
          });
          return ok && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 60 }
    );
  });

  it('returns a new tensor the caller owns even for a zero shift', () => {
    const x = tf.ones([2, 2]);
    const y = roll(x, [0, 4], [0, 1]);
    expect(y).not.toBe(x);
    tf.dispose([x, y]);
  });
});

describe('roll argument errors', () => {
  const x = tf.zeros([2, 3]);
  it('needs one dim per shift', () => {
    expect(() => roll(x, [1, 2], [0])).toThrow(
      'shifts and dims must have the same length, got 2 shifts [1, 2] and 1 dims [0]'
    );
  });
  it('rejects axes out of range and fractional values', () => {
    expect(() => roll(x, [1], [2])).toThrow(
      'dims[0]=2 is out of range for a 2-D tensor (use -2..1)'
    );
    expect(() => roll(x, [1], [-3])).toThrow('dims[0]=-3 is out of range');
    expect(() => roll(x, [0.5], [0])).toThrow('shifts[0] must be a whole number, got 0.5');
  });
});
