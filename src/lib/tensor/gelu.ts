/**
 * Exact GELU, `x·Φ(x) = ½·x·(1 + erf(x/√2))`, as `nn.GELU()` (approximate='none') in
 * Swin, SwinIR, Restormer. The tanh approximation is off by up to ~5e-4, so it is not used.
 */
import * as tf from '@tensorflow/tfjs-core';
import { wasmKernel, type HeapBackend } from './wasm-kernel';

const GELU = 'AttentionUnrolledGeluErf';

// Abramowitz & Stegun 7.1.26: erf(z) = 1 − (a1·t + … + a5·t⁵)·e^(−z²), t = 1/(1 + p·z), z ≥ 0,
// |error| ≤ 1.5e-7 — the formula tfjs-backend-cpu's own Erf kernel uses.
const [P, A1, A2, A3, A4, A5] = [
  0.3275911, 0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429
];

/**
 * One pass over the wasm heap. tfjs-backend-wasm's Erf took 50 ms for the 1.2 M entries of a Swin
 * stage-1 MLP (80× a multiply); this is the same function in one loop, in float64.
 * With x·Φ(x) = ½(x + |x|·erf(|x|/√2)) no sign is needed.
 */
function geluKernel(args: { inputs: tf.NamedTensorInfoMap; backend: unknown }): tf.TensorInfo {
  const backend = args.backend as HeapBackend;
  const x = args.inputs.x as tf.TensorInfo;
  const out = backend.makeOutput([...x.shape], 'float32');
  const src = backend.typedArrayFromHeap(x);
  const dst = backend.typedArrayFromHeap(out);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    const a = Math.abs(v);
    const z = a * Math.SQRT1_2;
    const t = 1 / (1 + P * z);
    const erf = 1 - ((((A5 * t + A4) * t + A3) * t + A2) * t + A1) * t * Math.exp(-z * z);
    dst[i] = 0.5 * (v + a * erf);
  }
  return out;
}

export function gelu(x: tf.Tensor): tf.Tensor {
  if (x.dtype === 'float32' && wasmKernel(GELU, geluKernel as unknown as tf.KernelFunc)) {
    return tf.engine().runKernel(GELU, { x }) as tf.Tensor;
  }
  return tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2)))));
}
