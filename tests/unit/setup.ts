// Node unit tests run on the cpu backend, the one every browser also has.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

import { useFastCpuTranspose } from '../../src/lib/tensor/cpu-transpose';

await tf.setBackend('cpu');
await tf.ready();
// As the pages do (backend.ts): every golden and property test then runs through our Transpose.
useFastCpuTranspose();
