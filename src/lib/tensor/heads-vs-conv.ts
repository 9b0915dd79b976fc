/**
 * Heads against convolution, measured. A SwinIR walkthrough claims that `attn @ v` with 1 head "is a
 * depthwise conv", with C heads "a full conv" and in between "a grouped conv"; and that NAFNet made
 * Restormer's transposed attention "equivalent to channel attention". These functions test such
 * claims on live tensors and return plain numbers:
 *
 * - {@link channelKernels}: what `attn @ v` applies at one output pixel, per output channel.
 * - {@link channelIndependence}: perturb one channel of v, see which output channels move.
 * - {@link distinctMaps}: how many different N×N weightings the C channels of a window use.
 * - `impulseResponse` + `kernelProperties` (kernel-properties.ts), applied to the operators of
 *   linear-operators.ts: any operator that is linear in its input as a Jacobian, and three
 *   properties of it.
 *
 * Layouts follow the official code: window attention `[B_, heads, N, N]` / `[B_, heads, N, d]`
 * (Swin `WindowAttention`), MDTA `[B, heads, C/heads, C/heads]` (Restormer `Attention`), SCA
 * `[B, C, 1, 1]` (NAFNet `NAFBlock.sca`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkInt, checkRank } from './check';

/** Head of every channel: channel c belongs to head ⌊c / (C / heads)⌋ (the qkv reshape order). */
export function headOfChannel(C: number, heads: number): number[] {
  checkInt('num_heads', heads);
  check(C % heads === 0, () => `num_heads=${heads} does not divide C=${C}`);
  const d = C / heads;
  return Array.from({ length: C }, (_, c) => Math.floor(c / d));
}

/**
 * The kernels `attn @ v` applies at token `pixel` of one window: `attn [heads, N, N]` →
 * `kernels [C, N]` with `kernels[c] = attn[head(c), pixel, :]`, so that
 * `out[pixel, c] = Σ_j kernels[c, j] · v[j, c]` — one window-sized kernel per channel, applied
 * to that channel only. Channels of one head share a kernel.
 */
export function channelKernels(attn: tf.Tensor, pixel: number, C: number): tf.Tensor2D {
  checkRank('attn', attn, 3, 'heads,N,N');
  const [heads, N] = attn.shape;
  check(
    Number.isInteger(pixel) && pixel >= 0 && pixel < N,
    () => `pixel=${pixel} is not a token of a window with N=${N} tokens (0–${N - 1})`
  );
  return tf.tidy(() => {
    const rows = tf.reshape(tf.slice(attn, [0, pixel, 0], [heads, 1, N]), [heads, N]); // @step kernels
    return tf.gather(rows, headOfChannel(C, heads)) as tf.Tensor2D; // @step kernels
  });
}

/**
 * `attn @ v` with heads merged back to channels: `attn [B_, heads, N, N]`, `v [B_, heads, N, d]`
 * → `[B_, N, C]`, i.e. `(attn @ v).transpose(1, 2).reshape(B_, N, C)` (before `proj`).
 */
export function attnTimesV(attn: tf.Tensor, v: tf.Tensor): tf.Tensor3D {
  checkRank('attn', attn, 4, 'B_,heads,N,N');
  checkRank('v', v, 4, 'B_,heads,N,d');
  const [B_, heads, N, d] = v.shape;
  return tf.tidy(() => {
    const out = tf.matMul(attn, v); // @step av
    return tf.reshape(tf.transpose(out, [0, 2, 1, 3]), [B_, N, heads * d]) as tf.Tensor3D; // @step av
  });
}

export interface ChannelIndependence {
  /** Largest change of any output channel c ≠ c′ when channel c′ of v is perturbed (0 = no mixing). */
  offChannel: number;
  /** Smallest (over c′) largest change of output channel c′ itself (> 0: the perturbation arrives). */
  onChannel: number;
}

/**
 * Experiment 1. For every channel c′, add `delta` to channel c′ of v at every token and recompute
 * `attn @ v` with the same attn. `attn [B_, heads, N, N]`, `v [B_, heads, N, d]`.
 */
export function channelIndependence(attn: tf.Tensor, v: tf.Tensor, delta = 1): ChannelIndependence {
  checkRank('v', v, 4, 'B_,heads,N,d');
  const [B_, heads, N, d] = v.shape;
  const C = heads * d;
  const change = tf.tidy(() => {
    const base = attnTimesV(attn, v);
    // One perturbed copy of v per channel c′: [C, B_, heads, N, d].
    const bump = tf.reshape(tf.oneHot(tf.range(0, C, 1, 'int32'), C), [C, 1, heads, 1, d]); // @step independence
    const vP = tf.add(tf.expandDims(v, 0), tf.mul(bump, delta)); // @step independence
    // The same attn for every copy (matMul broadcasts it), then heads side by side per token.
    const outP = tf.matMul(tf.expandDims(attn, 0), vP); // @step independence
    const outTokens = tf.reshape(tf.transpose(outP, [0, 1, 3, 2, 4]), [C, B_ * N, C]); // @step independence
    // change[c′, c] = max over tokens of |Δ out[…, c]| when channel c′ was perturbed.
    return tf.max(tf.abs(tf.sub(outTokens, tf.reshape(base, [1, B_ * N, C]))), 1); // @step independence
  });
  const m = change.dataSync();
  change.dispose();
  let offChannel = 0;
  let onChannel = Infinity;
  for (let a = 0; a < C; a++)
    for (let c = 0; c < C; c++) {
      const x = m[a * C + c];
      if (a === c) onChannel = Math.min(onChannel, x);
      else offChannel = Math.max(offChannel, x);
    }
  return { offChannel, onChannel };
}

/**
 * Experiment 3. For each window, the number of distinct N×N maps among its C channels (channel c
 * is weighted by `attn[w, head(c)]`); maps closer than `tol` count as one. `attn [B_, heads, N, N]`.
 */
export function distinctMaps(attn: tf.Tensor, C: number, tol = 1e-7): number[] {
  checkRank('attn', attn, 4, 'B_,heads,N,N');
  const [B_, heads, N] = attn.shape;
  const headOf = headOfChannel(C, heads);
  const data = attn.dataSync();
  const NN = N * N;
  const counts: number[] = [];
  for (let w = 0; w < B_; w++) {
    const reps: number[] = []; // offsets of one map per distinct class
    for (let c = 0; c < C; c++) {
      const off = (w * heads + headOf[c]) * NN;
      const same = reps.some((r) => {
        for (let e = 0; e < NN; e++) if (Math.abs(data[r + e] - data[off + e]) > tol) return false;
        return true;
      });
      if (!same) reps.push(off);
    }
    counts.push(reps.length);
  }
  return counts;
}
