/**
 * Small kernels of our own for the wasm backend, written in TypeScript on views of the wasm memory.
 * Used only where a tfjs-backend-wasm kernel is much slower than a single pass (see runs.ts, gelu.ts).
 */
import * as tf from '@tensorflow/tfjs-core';

/** The two wasm-backend methods our kernels use (tfjs-backend-wasm `BackendWasm`). */
export interface HeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/**
 * True when the wasm backend runs; then the kernel `name` is registered for it (once per page: the
 * registry is global to tfjs-core, whichever module asks first registers).
 */
export function wasmKernel(name: string, kernelFunc: tf.KernelFunc): boolean {
  if (tf.getBackend() !== 'wasm') return false;
  if (!tf.getKernel(name, 'wasm'))
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc });
  return true;
}
