/**
 * Provenance by iota: run an op on a tensor holding each element's own flat index, and the output
 * says, element by element, where it came from. Works for any op that only moves values
 * (reshape, permute, roll, pad, gather, unfold).
 */
import * as tf from '@tensorflow/tfjs-core';

/** A float32 tensor of `shape` whose elements are 0, 1, …, n−1 (exact up to 2²⁴). */
export function iota(shape: number[]): tf.Tensor {
  return tf.tidy(() =>
    tf.reshape(
      tf.range(
        0,
        shape.reduce((a, b) => a * b, 1)
      ),
      shape
    )
  );
}

/** The ids carried by `moved` (the op applied to {@link iota}), as integers. */
export function provenanceOf(moved: tf.Tensor): Int32Array {
  // A plain loop: `Int32Array.from(typedArray, fn)` walks an iterator per element (slow here).
  const values = moved.dataSync();
  const ids = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) ids[i] = Math.round(values[i]);
  return ids;
}
