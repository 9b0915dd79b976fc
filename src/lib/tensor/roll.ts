/**
 * `torch.roll` for tfjs (tfjs has none): cyclic shift along the given axes (a gather, or slice + concat, per axis).
 * Swin Transformer uses it to shift the feature map before and after windowed attention
 * (microsoft/Swin-Transformer `models/swin_transformer.py`, `SwinTransformerBlock.forward`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { check } from './check';
import { rollAxisRuns } from './runs';

/**
 * Roll `x` by `shifts[i]` along `dims[i]`: `out[…, (j + s) mod n, …] = x[…, j, …]`.
 * Shape is unchanged. Shifts may be negative or larger than the axis (wrap-around); dims may be
 * negative (counted from the end) and may repeat, in which case the shifts add, as in PyTorch.
 */
export function roll<T extends tf.Tensor>(
  x: T,
  shifts: readonly number[],
  dims: readonly number[]
): T {
  check(
    shifts.length === dims.length,
    () =>
      `shifts and dims must have the same length, got ${shifts.length} shifts [${shifts.join(', ')}] ` +
      `and ${dims.length} dims [${dims.join(', ')}]`
  );
  const axes = dims.map((d, i) => {
    check(Number.isInteger(d), () => `dims[${i}] must be a whole number, got ${d}`);
    check(
      d >= -x.rank && d < x.rank,
      () =>
        `dims[${i}]=${d} is out of range for a ${x.rank}-D tensor (use ${-x.rank}..${x.rank - 1})`
    );
    check(
      Number.isInteger(shifts[i]),
      () => `shifts[${i}] must be a whole number, got ${shifts[i]}`
    );
    return d < 0 ? d + x.rank : d;
  });
  // Which is faster depends on the backend (measured on 1×56×56×96, both axes): cpu slices an
  // inner axis element by element, so one gather per axis is 4× faster there (39 vs 164 ms); wasm
  // and webgl slice natively and their gather is the slower one (wasm: 23 vs 4–5 ms). On wasm the
  // two pieces of each outer row are copied by one small kernel (runs.ts), as its slice copies the
  // whole input first. Same result everywhere (the tests run on cpu, wasm and webgl).
  const byGather = tf.getBackend() === 'cpu';
  return tf.tidy(() => {
    let y: tf.Tensor = x;
    axes.forEach((axis, i) => {
      const n = y.shape[axis];
      if (n === 0) return;
      // Positive remainder: −1 on an axis of 5 is the same roll as +4.
      const s = ((shifts[i] % n) + n) % n;
      if (s === 0) return;
      if (byGather) {
        // out[j] = x[(j − s) mod n]
        const source = Int32Array.from({ length: n }, (_, j) => (j - s + n) % n);
        y = tf.gather(y, tf.tensor1d(source, 'int32'), axis);
      } else {
        // wasm: one pass of contiguous copies (runs.ts); webgl: two slices and a concat.
        const fast = rollAxisRuns(y, axis, s);
        if (fast) {
          y = fast;
          return;
        }
        // The last s entries come first, then the rest.
        const tail = tf.slice(y, sliceBegin(y.rank, axis, n - s), sliceSize(y.shape, axis, s));
        const head = tf.slice(y, sliceBegin(y.rank, axis, 0), sliceSize(y.shape, axis, n - s));
        y = tf.concat([tail, head], axis);
      }
    });
    // A roll by 0 everywhere must still hand back a tensor the caller owns.
    return (y === x ? tf.clone(x) : y) as T;
  });
}

function sliceBegin(rank: number, axis: number, start: number): number[] {
  const begin = new Array<number>(rank).fill(0);
  begin[axis] = start;
  return begin;
}

function sliceSize(shape: readonly number[], axis: number, length: number): number[] {
  const size = shape.map(() => -1);
  size[axis] = length;
  return size;
}
