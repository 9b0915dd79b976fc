/**
 * `torch.roll` for tfjs (tfjs has none): cyclic shift along the given axes, by a gather per axis.
 * Swin Transformer uses it to shift the feature map before and after windowed attention
 * (microsoft/Swin-Transformer `models/swin_transformer.py`, `SwinTransformerBlock.forward`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { check } from './check';

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
  return tf.tidy(() => {
    let y: tf.Tensor = x;
    axes.forEach((axis, i) => {
      const n = y.shape[axis];
      if (n === 0) return;
      // Positive remainder: −1 on an axis of 5 is the same roll as +4.
      const s = ((shifts[i] % n) + n) % n;
      if (s === 0) return;
      // out[j] = x[(j − s) mod n]: one gather per axis. (Slicing an inner axis takes tfjs's
      // element-by-element path on the cpu backend: slice + slice + concat cost ~3× more.)
      const source = Int32Array.from({ length: n }, (_, j) => (j - s + n) % n);
      y = tf.gather(y, tf.tensor1d(source, 'int32'), axis);
    });
    // A roll by 0 everywhere must still hand back a tensor the caller owns.
    return (y === x ? tf.clone(x) : y) as T;
  });
}
