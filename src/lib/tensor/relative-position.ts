/**
 * Swin's relative position bias: the index table and the gather into an N×N map per head
 * (microsoft/Swin-Transformer `models/swin_transformer.py`, `WindowAttention.__init__` and `forward`;
 * the same code in JingyunLiang/SwinIR `models/network_swinir.py`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { memo } from '$lib/memo';
import { check, checkInt, checkRank } from './check';

export type WindowSize2D = readonly [number, number];

export type RelativePositionIndex = {
  /** `[2, Wh, Ww]` int32: `coords[0]` = row h, `coords[1]` = column w (meshgrid, 'ij'). */
  coords: tf.Tensor3D;
  /** `[2, N]` int32, N = Wh·Ww: token t = h·Ww + w has coordinates (h, w). */
  coordsFlatten: tf.Tensor2D;
  /** `[N, N, 2]` int32: the raw offsets `(h_i − h_j, w_i − w_j)`, in −(Wh−1)..Wh−1 and −(Ww−1)..Ww−1. */
  relativeCoords: tf.Tensor3D;
  /** `[N, N, 2]` int32: after `+ (Wh − 1)` on the row offset and `+ (Ww − 1)` on the column offset. */
  relativeCoordsShifted: tf.Tensor3D;
  /** `[N, N, 2]` int32: after the row offset is multiplied by `2Ww − 1` (so rows never collide). */
  relativeCoordsScaled: tf.Tensor3D;
  /** `[N, N]` int32: the sum of the two, in 0..(2Wh−1)(2Ww−1)−1. */
  relativePositionIndex: tf.Tensor2D;
};

function checkWindow2D(windowSize: WindowSize2D): [number, number] {
  check(
    Array.isArray(windowSize) && windowSize.length === 2,
    () => `window_size must be a pair [Wh, Ww], got ${JSON.stringify(windowSize)}`
  );
  const [Wh, Ww] = windowSize;
  checkInt('window_size[0] (Wh)', Wh);
  checkInt('window_size[1] (Ww)', Ww);
  return [Wh, Ww];
}

/** Number of rows of the bias table: one per distinct offset, `(2Wh − 1)(2Ww − 1)`. */
export function relativePositionTableSize(windowSize: WindowSize2D): number {
  const [Wh, Ww] = checkWindow2D(windowSize);
  return (2 * Wh - 1) * (2 * Ww - 1);
}

/**
 * `relative_position_index` for a `Wh × Ww` window, with every step of its construction:
 * `coords [2,Wh,Ww] → coordsFlatten [2,N] → relativeCoords [N,N,2] → + (Wh−1, Ww−1) → row × (2Ww−1)
 * → sum → [N,N]`. The factor multiplies the row (axis 0) offset: tokens one row apart differ by
 * 2Ww − 1 in the index. Non-square windows work.
 */
export function relativePositionIndex(windowSize: WindowSize2D): RelativePositionIndex {
  const [Wh, Ww] = checkWindow2D(windowSize);
  const N = Wh * Ww;
  return tf.tidy(() => {
    const rows = tf.tile(tf.reshape(tf.range(0, Wh, 1, 'int32'), [Wh, 1]), [1, Ww]); // @step coords
    const cols = tf.tile(tf.reshape(tf.range(0, Ww, 1, 'int32'), [1, Ww]), [Wh, 1]); // @step coords
    const coords = tf.stack([rows, cols]) as tf.Tensor3D; // @step coords
    const coordsFlatten = tf.reshape(coords, [2, N]) as tf.Tensor2D; // @step flatten
    // [2, N, 1] − [2, 1, N] → [2, N, N], then channels last: [N, N, 2].
    const diff = tf.sub(tf.expandDims(coordsFlatten, 2), tf.expandDims(coordsFlatten, 1)); // @step diff
    const relativeCoords = tf.transpose(diff, [1, 2, 0]) as tf.Tensor3D; // @step permute
    const relativeCoordsShifted = tf.add(
      relativeCoords,
      tf.tensor1d([Wh - 1, Ww - 1], 'int32') // @step shift
    ) as tf.Tensor3D;
    const relativeCoordsScaled = tf.mul(
      relativeCoordsShifted,
      tf.tensor1d([2 * Ww - 1, 1], 'int32') // @step scale
    ) as tf.Tensor3D;
    const relativePositionIndex = tf.sum(relativeCoordsScaled, -1) as tf.Tensor2D; // @step sum
    return {
      coords,
      coordsFlatten,
      relativeCoords,
      relativeCoordsShifted,
      relativeCoordsScaled,
      relativePositionIndex
    };
  });
}

// As PyTorch's register_buffer: the index depends on the window size only, so it is built once per
// size (by relativePositionIndex above) and kept as plain data, flattened; no tensor is kept.
const indexBuffers = memo<Int32Array>(16);

function indexBuffer(Wh: number, Ww: number): Int32Array {
  return indexBuffers(`${Wh}x${Ww}`, () => {
    const steps = relativePositionIndex([Wh, Ww]);
    const flat = new Int32Array(steps.relativePositionIndex.dataSync());
    tf.dispose(Object.values(steps));
    return flat;
  });
}

/**
 * Gather the learned table into a bias per head:
 * `table [(2Wh−1)(2Ww−1), heads]` → `table[index.view(−1)]` `[N·N, heads]` → `[N, N, heads]` →
 * permute → `[heads, N, N]`.
 */
export function relativePositionBias(table: tf.Tensor, windowSize: WindowSize2D): tf.Tensor3D {
  const [Wh, Ww] = checkWindow2D(windowSize);
  checkRank('relative_position_bias_table', table, 2, '(2Wh−1)(2Ww−1),heads');
  const rows = (2 * Wh - 1) * (2 * Ww - 1); // @step table
  check(
    table.shape[0] === rows,
    () =>
      `relative_position_bias_table must have (2·${Wh}−1)(2·${Ww}−1) = ${rows} rows for a ` +
      `${Wh}×${Ww} window, got ${table.shape[0]}`
  );
  const N = Wh * Ww;
  return tf.tidy(() => {
    // A copy: on the cpu backend a tensor wraps the array it is given (the buffer stays private).
    const index = tf.tensor1d(indexBuffer(Wh, Ww).slice(), 'int32'); // self.relative_position_index
    const gathered = tf.gather(table, index); // @step gather
    return tf.transpose(tf.reshape(gathered, [N, N, -1]), [2, 0, 1]) as tf.Tensor3D; // @step gather
  });
}
