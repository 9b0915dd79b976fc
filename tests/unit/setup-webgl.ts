// Parity in the browser on WebGL (SwiftShader here, a GPU elsewhere): the backend a page would
// pick for speed on a laptop with a GPU.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';

await tf.setBackend('webgl');
await tf.ready();
if (tf.getBackend() !== 'webgl')
  throw new Error(`expected the webgl backend, got ${tf.getBackend()}`);
