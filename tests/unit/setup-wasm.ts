// Parity in the browser: the tensor-core tests run in Chromium on the wasm backend (SIMD where
// available), the backend heavy sizes use in the trace worker.
import * as tf from '@tensorflow/tfjs-core';
import { readyWasm } from '$lib/tensor/backend';

await readyWasm();
if (tf.getBackend() !== 'wasm')
  throw new Error(`expected the wasm backend, got ${tf.getBackend()}`);
