/**
 * Copies of contiguous runs — `unstack` along the first axis and `roll` along one axis — without
 * tfjs-backend-wasm's slice. Its `Slice` (and `Unpack`, `SplitV`, which call it) first copies the
 * whole input out of the wasm heap (`readSync`), then the piece it wants: unstacking q, k, v from
 * the 3.6 MB qkv of Swin stage 1 cost three full copies (6–12 ms). Here a small kernel copies each
 * run straight from heap to heap (`TypedArray.set` on views of the wasm memory): the same values,
 * one pass. cpu and webgl keep the tfjs ops.
 */
import * as tf from '@tensorflow/tfjs-core';
import { wasmKernel, type HeapBackend } from './wasm-kernel';

const RUNS = 'AttentionUnrolledCopyRuns';

/**
 * `x` viewed as `[outer, n, inner]` → `out [outer, n, inner]` with, for each outer row, the pieces
 * `[from, from + length)` of the middle axis placed at `to`: attrs `pieces` = flat
 * `[from, length, to, …]`. A roll is two pieces; taking one block is one piece (with `n` smaller).
 */
function copyRuns(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): tf.TensorInfo {
  const backend = args.backend as HeapBackend;
  const x = args.inputs.x as tf.TensorInfo;
  const { outer, n, inner, outN, pieces } = args.attrs as unknown as {
    outer: number;
    n: number;
    inner: number;
    outN: number;
    pieces: number[];
  };
  const out = backend.makeOutput([outer, outN, inner], x.dtype);
  const src = backend.typedArrayFromHeap(x);
  const dst = backend.typedArrayFromHeap(out);
  for (let o = 0; o < outer; o++) {
    for (let p = 0; p < pieces.length; p += 3) {
      const [from, length, to] = [pieces[p], pieces[p + 1], pieces[p + 2]];
      const start = (o * n + from) * inner;
      dst.set(src.subarray(start, start + length * inner), (o * outN + to) * inner);
    }
  }
  return out;
}

function onWasm(x: tf.Tensor): boolean {
  return x.dtype !== 'string' && wasmKernel(RUNS, copyRuns as unknown as tf.KernelFunc);
}

function runs(x: tf.Tensor, view: [number, number, number], outN: number, pieces: number[]) {
  const [outer, n, inner] = view;
  return tf.engine().runKernel(RUNS, { x: tf.reshape(x, view) }, {
    outer,
    n,
    inner,
    outN,
    pieces
  } as unknown as tf.NamedAttrMap) as tf.Tensor;
}

const GATHER = 'AttentionUnrolledGatherLast';

/** `out[r, t] = x[r, table[t]]` on the view `x [rows, n]`; attrs `rows`, `n`, `table`. */
function gatherLastKernel(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): tf.TensorInfo {
  const backend = args.backend as HeapBackend;
  const x = args.inputs.x as tf.TensorInfo;
  const { rows, n, table } = args.attrs as unknown as {
    rows: number;
    n: number;
    table: Int32Array;
  };
  const T = table.length;
  const out = backend.makeOutput([rows, T], x.dtype);
  const src = backend.typedArrayFromHeap(x);
  const dst = backend.typedArrayFromHeap(out);
  for (let r = 0; r < rows; r++) {
    const from = r * n;
    const to = r * T;
    for (let t = 0; t < T; t++) dst[to + t] = src[from + table[t]];
  }
  return out;
}

/**
 * `tf.gather(x, table, lastAxis)`: `out[…, t] = x[…, table[t]]`. On wasm one loop over the heap
 * (its Gather kernel is a per-element generic loop: unfold at 1×64×40×40, k 3 took 43 ms).
 */
export function gatherLast(x: tf.Tensor, table: Int32Array): tf.Tensor {
  const axis = x.rank - 1;
  if (x.dtype === 'string' || !wasmKernel(GATHER, gatherLastKernel as unknown as tf.KernelFunc)) {
    return tf.tidy(() => tf.gather(x, tf.tensor1d(table, 'int32'), axis));
  }
  const n = x.shape[axis];
  const lead = x.shape.slice(0, -1);
  return tf.tidy(() => {
    const out = tf.engine().runKernel(GATHER, { x: tf.reshape(x, [-1, n]) }, {
      rows: size(lead),
      n,
      table
    } as unknown as tf.NamedAttrMap) as tf.Tensor;
    return tf.reshape(out, [...lead, table.length]);
  });
}

const size = (dims: readonly number[]) => dims.reduce((p, d) => p * d, 1);

/** `tf.unstack(x, 0)`: `x[0], x[1], …` as separate tensors. */
export function unstack(x: tf.Tensor): tf.Tensor[] {
  if (!onWasm(x) || x.rank === 0) return tf.unstack(x, 0);
  const [n, ...rest] = x.shape;
  return tf.tidy(() =>
    Array.from({ length: n }, (_, i) => tf.reshape(runs(x, [1, n, size(rest)], 1, [i, 1, 0]), rest))
  );
}

/**
 * `torch.chunk(x, n, axis)` for an axis n divides (`tf.split(x, n, axis)`): n equal pieces.
 */
export function chunk(x: tf.Tensor, n: number, axis: number): tf.Tensor[] {
  if (!onWasm(x)) return tf.split(x, n, axis);
  const len = x.shape[axis] / n;
  const view: [number, number, number] = [
    size(x.shape.slice(0, axis)),
    x.shape[axis],
    size(x.shape.slice(axis + 1))
  ];
  const shape = x.shape.map((d, i) => (i === axis ? len : d));
  return tf.tidy(() =>
    Array.from({ length: n }, (_, i) => tf.reshape(runs(x, view, len, [i * len, len, 0]), shape))
  );
}

/**
 * Roll along one axis by `s` (0 < s < n, n = x.shape[axis]): `out[…, (j + s) mod n, …] = x[…, j, …]`.
 * On wasm one copy of two pieces per outer row; elsewhere `null` (the caller uses its own path).
 */
export function rollAxisRuns(x: tf.Tensor, axis: number, s: number): tf.Tensor | null {
  if (!onWasm(x)) return null;
  const n = x.shape[axis];
  const view: [number, number, number] = [
    size(x.shape.slice(0, axis)),
    n,
    size(x.shape.slice(axis + 1))
  ];
  // The last s entries come first, then the rest.
  return tf.tidy(() => tf.reshape(runs(x, view, n, [n - s, s, 0, 0, n - s, s]), x.shape));
}
