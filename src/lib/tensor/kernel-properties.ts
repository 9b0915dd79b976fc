/**
 * An operator as its Jacobian, and three properties read off it: does it mix channels, does it
 * change when the pixel moves (a convolution never does), does it change with the input (fixed
 * weights never do). Used by /heads-vs-convolution to compare window attention, convolutions,
 * MDTA and SCA on equal terms (the operators themselves are in linear-operators.ts).
 * Operators take NCHW batches `[n, C, H, W]`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkRank } from './check';

/** An operator on NCHW batches that is linear in its input: `[n, C, H, W] → [n, C, H, W]`. */
export type LinearOp = (batch: tf.Tensor4D) => tf.Tensor4D;

/**
 * The operator's Jacobian by impulses: run it on the C·H·W one-hot images and read
 * `J[o, i] = op(e_i)[o]`, o and i flat over (C, H, W). For a convolution this is its weights laid
 * out per pixel; for attention it is the map that `attn @ v` applies.
 */
export function impulseResponse(op: LinearOp, C: number, H: number, W: number): tf.Tensor2D {
  const n = C * H * W;
  return tf.tidy(() => {
    const impulses = tf.reshape(tf.eye(n), [n, C, H, W]) as tf.Tensor4D;
    const out = op(impulses);
    checkRank('operator output', out, 4, 'n,C,H,W');
    return tf.transpose(tf.reshape(out, [n, n])) as tf.Tensor2D;
  });
}

export interface KernelProperties {
  /** max |J[(c, p), (c′, q)]| over c ≠ c′: weight one channel puts on another. */
  mixesChannels: number;
  /**
   * max |J[(c, p), (c′, q)] − J[(c, p + δ), (c′, q + δ)]|: how much the kernel at the picked pixel
   * p differs from the kernel at its neighbour p + δ, compared where both kernels are defined
   * (0 for any convolution: translation invariance).
   */
  variesWithPosition: number;
  /** max |J(x) − J(x′)|: how much the kernel changes when the input changes (0 for fixed weights). */
  dependsOnInput: number;
}

/** The neighbour the position test moves to: one to the right, or to the left at the border. */
export function neighbourOf(pixel: number, W: number): number {
  const x = pixel % W;
  return x + 1 < W ? pixel + 1 : pixel - 1;
}

/**
 * Properties of Jacobians `J` (input x) and `J2` (input x′), both `[C·H·W, C·H·W]`, at output
 * token `pixel` (row-major in H×W).
 */
export function kernelProperties(
  J: tf.Tensor2D,
  J2: tf.Tensor2D,
  C: number,
  H: number,
  W: number,
  pixel: number
): KernelProperties {
  const P = H * W;
  const n = C * P;
  check(J.shape[0] === n && J.shape[1] === n, () => `J must be [${n}, ${n}] for C·H·W=${n}`);
  const a = J.dataSync();
  const b = J2.dataSync();
  let mixesChannels = 0;
  for (let c = 0; c < C; c++)
    for (let p = 0; p < P; p++)
      for (let c2 = 0; c2 < C; c2++) {
        if (c2 === c) continue;
        const row = (c * P + p) * n + c2 * P;
        for (let q = 0; q < P; q++) mixesChannels = Math.max(mixesChannels, Math.abs(a[row + q]));
      }
  const p2 = neighbourOf(pixel, W);
  const dx = (p2 % W) - (pixel % W);
  let variesWithPosition = 0;
  for (let c = 0; c < C; c++)
    for (let c2 = 0; c2 < C; c2++)
      for (let q = 0; q < P; q++) {
        const qx = (q % W) + dx;
        if (qx < 0 || qx >= W) continue;
        const j1 = a[(c * P + pixel) * n + c2 * P + q];
        const j2 = a[(c * P + p2) * n + c2 * P + q + dx];
        variesWithPosition = Math.max(variesWithPosition, Math.abs(j1 - j2));
      }
  let dependsOnInput = 0;
  for (let i = 0; i < a.length; i++)
    dependsOnInput = Math.max(dependsOnInput, Math.abs(a[i] - b[i]));
  return { mixesChannels, variesWithPosition, dependsOnInput };
}
