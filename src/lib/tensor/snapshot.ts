/**
 * Plain, detached copies of tensors for diagrams: `{shape, dtype, data}`. Diagrams never hold
 * live tensors, so nothing they do can leak GPU/wasm memory.
 */
import type { Tensor } from '@tensorflow/tfjs-core';

export interface Snapshot {
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}

export function snapshot(t: Tensor): Snapshot {
  const dtype = t.dtype === 'int32' ? 'int32' : 'float32';
  const raw = t.dataSync();
  // The typed-array constructor copies (and converts bool/int) in one pass; `.from` walks an
  // iterator per element, which cost milliseconds per figure update.
  const data =
    dtype === 'int32'
      ? new Int32Array(raw as ArrayLike<number>)
      : new Float32Array(raw as ArrayLike<number>);
  return { shape: [...t.shape], dtype, data };
}

/** Row-major strides of a shape. */
export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1] * shape[i + 1];
  return s;
}

/** Flat offset → full index. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  return strides(shape).map((st, i) => Math.floor(flat / st) % shape[i]);
}

export function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
