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
  // and webgl slice natively and their gather is the slower one (wasm: 23 vs 4–5 ms). Both work on
  // the view [outer, n, inner] (the axes before, the rolled axis, the axes after), so each piece
  // is `outer` contiguous runs rather than an inner-axis cut; on wasm the runs are copied by one
  // small kernel (runs.ts), as its slice copies the whole input first. Same result everywhere (the
  // tests run on cpu, wasm and webgl).
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
        const size = (dims: readonly number[]) => dims.reduce((p, d) => p * d, 1);
        const view = tf.reshape(y, [
          size(y.shape.slice(0, axis)),
          n,
          size(y.shape.slice(axis + 1))
        ]);
        // The last s entries come first, then the rest.
        const tail = tf.slice(view, [0, n - s, 0], [-1, s, -1]);
        const head = tf.slice(view, [0, 0, 0], [-1, n - s, -1]);
        y = tf.reshape(tf.concat([tail, head], 1), y.shape);
      }
    });
    // A roll by 0 everywhere must still hand back a tensor the caller owns.
    return (y === x ? tf.clone(x) : y) as T;
  });
}
