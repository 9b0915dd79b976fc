/**
 * A faster `Transpose` kernel for tfjs's cpu backend, the one every page runs on. tfjs-backend-cpu
 * 4.22 maps each element through `indexToLoc`/`locToIndex` (two arrays allocated per element), so
 * a permute of a few thousand values costs milliseconds and garbage. This walks the output in
 * order with an odometer over its coordinates and steps the input offset by precomputed strides:
 * the same permutation, exactly (values are copied, never computed), without allocations.
 */
import * as tf from '@tensorflow/tfjs-core';

type Values = Float32Array | Int32Array | Uint8Array;

/** `out[o] = x[src(o)]` for the permutation `perm` of `shape` (C order, like `tf.transpose`). */
export function transposeValues(
  x: Values,
  shape: readonly number[],
  perm: readonly number[],
  out: Values
): void {
  const rank = shape.length;
  const inStrides = new Array<number>(rank);
  for (let a = rank - 1, s = 1; a >= 0; a--) {
    inStrides[a] = s;
    s *= shape[a];
  }
  const outShape = perm.map((p) => shape[p]);
  const step = perm.map((p) => inStrides[p]);
  const idx = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = x[src];
    for (let a = rank - 1; a >= 0; a--) {
      src += step[a];
      if (++idx[a] < outShape[a]) break;
      src -= step[a] * outShape[a];
      idx[a] = 0;
    }
  }
}

interface CpuBackend {
  data: { get(id: object): { values: Values } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Values): tf.TensorInfo;
}

let original: tf.KernelFunc | null = null;

const fastTranspose: tf.KernelFunc = (args) => {
  const { inputs, attrs, backend } = args;
  const x = inputs.x as tf.TensorInfo;
  // Strings and complex numbers (never used here) keep tfjs's own kernel.
  if (!['float32', 'int32', 'bool'].includes(x.dtype)) return original!(args);
  const perm = (attrs as unknown as tf.TransposeAttrs).perm;
  const cpu = backend as unknown as CpuBackend;
  const values = cpu.data.get(x.dataId).values;
  const out = new (values.constructor as new (n: number) => Values)(values.length);
  transposeValues(values, x.shape, perm, out);
  return cpu.makeTensorInfo(
    perm.map((p) => x.shape[p]),
    x.dtype,
    out
  );
};

/** Swap tfjs-cpu's Transpose kernel for ours (once; later calls do nothing). */
export function useFastCpuTranspose(): void {
  const current = tf.getKernel(tf.Transpose, 'cpu');
  if (!current || current.kernelFunc === fastTranspose) return;
  original = current.kernelFunc;
  tf.unregisterKernel(tf.Transpose, 'cpu');
  tf.registerKernel({ kernelName: tf.Transpose, backendName: 'cpu', kernelFunc: fastTranspose });
}
