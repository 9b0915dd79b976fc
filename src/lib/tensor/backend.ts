/**
 * Brings up a tfjs backend in the browser. Figures import this (and the trace modules) dynamically,
 * so the prerendered text shows before ~70 KB of tfjs arrives.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

/** The cpu backend: exact float32, synchronous, fast enough for the page's default sizes. */
export async function readyCpu(): Promise<typeof tf> {
  if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}

export function liveTensors(): number {
  return tf.memory().numTensors;
}
