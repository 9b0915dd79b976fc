/**
 * Heads against convolution, measured. A SwinIR walkthrough claims that `attn @ v` with 1 head "is a
 * depthwise conv", with C heads "a full conv" and in between "a grouped conv"; and that NAFNet made
 * Restormer's transposed attention "equivalent to channel attention". These functions test such
 * claims on live tensors and return plain numbers:
 *
 * - {@link channelKernels}: what `attn @ v` applies at one output pixel, per output channel.
 * - {@link channelIndependence}: perturb one channel of v, see which output channels move.
 * - {@link distinctMaps}: how many different N×N weightings the C channels of a window use.
 * - {@link impulseResponse} + {@link kernelProperties}: any operator that is linear in its input
 *   (with weights possibly computed from another input) as a Jacobian, and three properties of it:
 *   does it mix channels, does it change when the pixel moves, does it change with the input.
 *
 * Layouts follow the official code: window attention `[B_, heads, N, N]` / `[B_, heads, N, d]`
 * (Swin `WindowAttention`), MDTA `[B, heads, C/heads, C/heads]` (Restormer `Attention`), SCA
 * `[B, C, 1, 1]` (NAFNet `NAFBlock.sca`). Operators take NCHW batches `[n, C, H, W]`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkInt, checkRank } from './check';
import { conv2dNchw } from './restormer';

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
    const vP = tf.reshape(tf.add(tf.expandDims(v, 0), tf.mul(bump, delta)), [C * B_, heads, N, d]); // @step independence
    const attnP = tf.reshape(tf.broadcastTo(tf.expandDims(attn, 0), [C, B_, heads, N, N]), [
      C * B_,
      heads,
      N,
      N
    ]);
    const outP = tf.reshape(attnTimesV(attnP, vP), [C, B_ * N, C]); // @step independence
    // change[c′, c] = max over tokens of |Δ out[…, c]| when channel c′ was perturbed.
    return tf.max(tf.abs(tf.sub(outP, tf.reshape(base, [1, B_ * N, C]))), 1); // @step independence
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

/** `attn @ v` as an operator on v: `attn [heads, N, N]`, v as `[n, C, H, W]` with N = H·W. */
export function windowAttentionOp(attn: tf.Tensor): LinearOp {
  const [heads, N] = attn.shape;
  return (batch) =>
    tf.tidy(() => {
      const [n, C, H, W] = batch.shape;
      check(H * W === N, () => `the window has ${N} tokens, the batch ${H}×${W}`);
      const d = C / heads;
      // [n, heads, d, N] → [heads, N, n·d]: one matMul per head over the whole batch, no broadcast.
      const v = tf.reshape(tf.transpose(tf.reshape(batch, [n, heads, d, N]), [1, 3, 0, 2]), [
        heads,
        N,
        n * d
      ]);
      const out = tf.reshape(tf.matMul(attn, v), [heads, N, n, d]);
      return tf.reshape(tf.transpose(out, [2, 0, 3, 1]), [n, C, H, W]) as tf.Tensor4D;
    });
}

/** MDTA's `attn @ v` as an operator on v: `attn [heads, d, d]` mixes the d channels of each head. */
export function mdtaOp(attn: tf.Tensor): LinearOp {
  const [heads, d] = attn.shape;
  return (batch) =>
    tf.tidy(() => {
      const [n, C, H, W] = batch.shape;
      const P = H * W;
      const v = tf.reshape(tf.transpose(tf.reshape(batch, [n, heads, d, P]), [1, 2, 0, 3]), [
        heads,
        d,
        n * P
      ]);
      const out = tf.reshape(tf.matMul(attn, v), [heads, d, n, P]);
      return tf.reshape(tf.transpose(out, [2, 0, 1, 3]), [n, C, H, W]) as tf.Tensor4D;
    });
}

/** NAFNet SCA as an operator on x with the scale s `[C]` fixed: `x · s`, a diagonal map. */
export function scaOp(s: tf.Tensor): LinearOp {
  return (batch) => tf.tidy(() => tf.mul(batch, tf.reshape(s, [1, -1, 1, 1])) as tf.Tensor4D);
}

/** A depthwise 3×3 conv, `weight [C, 1, 3, 3]`, zero padding 1. */
export function depthwiseOp(weight: tf.Tensor): LinearOp {
  return (batch) =>
    conv2dNchw(batch, weight, null, { padding: 1, groups: batch.shape[1], name: 'depthwise' });
}

/**
 * `nn.Conv2d(C, C, 3, padding=1, groups=groups, bias=False)`: `weight [C, C/groups, 3, 3]`.
 * Each group of C/groups output channels sees (and mixes) only its own C/groups input channels.
 */
export function groupedConv(x: tf.Tensor, weight: tf.Tensor, groups: number): tf.Tensor4D {
  checkRank('x', x, 4, 'B,C,H,W');
  const [, C] = x.shape as [number, number, number, number];
  check(C % groups === 0, () => `groups=${groups} does not divide C=${C}`);
  checkRank('weight', weight, 4, 'C,C/groups,3,3');
  return tf.tidy(() => {
    const xs = tf.split(x, groups, 1);
    const ws = tf.split(weight, groups, 0);
    return tf.concat(
      xs.map((xg, g) => conv2dNchw(xg, ws[g], null, { padding: 1, name: 'grouped conv' })),
      1
    ) as tf.Tensor4D;
  });
}

export function groupedOp(weight: tf.Tensor, groups: number): LinearOp {
  return (batch) => groupedConv(batch, weight, groups);
}
