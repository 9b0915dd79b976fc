/**
 * Brings up a tfjs backend in the browser. Figures import this (and the trace modules) dynamically,
 * so the prerendered text shows before ~70 KB of tfjs arrives.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { useFastCpuTranspose } from './cpu-transpose';

/** The cpu backend: exact float32, synchronous, fast enough for the page's default sizes. */
export async function readyCpu(): Promise<typeof tf> {
  if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
  await tf.ready();
  useFastCpuTranspose();
  return tf;
}

export function liveTensors(): number {
  return tf.memory().numTensors;
}

/**
 * The wasm backend (SIMD where the browser has it), for heavy sizes in the trace worker: several
 * times faster than cpu on big tensors. The .wasm files ship with the site (Vite `?url`), no CDN.
 */
export async function readyWasm(): Promise<typeof tf> {
  const [{ setWasmPaths }, plain, simd, threaded] = await Promise.all([
    import('@tensorflow/tfjs-backend-wasm'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url')
  ]);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plain.default,
    'tfjs-backend-wasm-simd.wasm': simd.default,
    'tfjs-backend-wasm-threaded-simd.wasm': threaded.default
  });
  if (tf.getBackend() !== 'wasm' && !(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}
