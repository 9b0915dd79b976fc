/**
 * Window multi-head self-attention with relative position bias (W-MSA / SW-MSA), as
 * `WindowAttention.forward` in microsoft/Swin-Transformer `models/swin_transformer.py`
 * (identical in JingyunLiang/SwinIR `models/network_swinir.py`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkInt, checkRank, checkShape } from './check';
import { relativePositionBias, type WindowSize2D } from './relative-position';

export interface WindowAttentionParams {
  numHeads: number;
  /** `[Wh, Ww]`; each window holds N = Wh·Ww tokens. */
  windowSize: WindowSize2D;
  /** `[3C, C]`, PyTorch Linear layout (out, in): `qkv = x·Wᵀ + b`. */
  qkvWeight: tf.Tensor;
  /** `[3C]` or null (`qkv_bias=False`). */
  qkvBias: tf.Tensor | null;
  /** `[C, C]` (out, in). */
  projWeight: tf.Tensor;
  /** `[C]`. */
  projBias: tf.Tensor;
  /** `[(2Wh−1)(2Ww−1), numHeads]`. */
  relativePositionBiasTable: tf.Tensor;
  /** Defaults to `head_dim^−0.5`. */
  qkScale?: number | null;
}

/** Every intermediate of the forward pass; d = C / numHeads, B_ = B·nW. */
export type WindowAttentionResult = {
  /** `[3, B_, heads, N, d]`: `qkv(x).reshape(B_, N, 3, heads, d).permute(2, 0, 3, 1, 4)`. */
  qkv: tf.Tensor5D;
  /** `[B_, heads, N, d]` each. */
  q: tf.Tensor4D;
  k: tf.Tensor4D;
  v: tf.Tensor4D;
  /** `[B_, heads, N, d]`: `q · scale`. */
  qScaled: tf.Tensor4D;
  /** `[B_, heads, N, N]`: `qScaled @ kᵀ`. */
  attnQk: tf.Tensor4D;
  /** `[heads, N, N]`: the gathered relative position bias. */
  relBias: tf.Tensor3D;
  /** `[B_, heads, N, N]`: `attnQk + relBias` (before the mask). */
  attnBiased: tf.Tensor4D;
  /** `[B_, heads, N, N]`: the logits that enter softmax (`attnBiased`, plus the mask if any). */
  attnLogits: tf.Tensor4D;
  /** `[B_, heads, N, N]`: softmax over the last axis (keys); rows sum to 1. */
  attn: tf.Tensor4D;
  /** `[B_, heads, N, d]`: `attn @ v`. */
  headsOut: tf.Tensor4D;
  /** `[B_, N, C]`: `headsOut.transpose(1, 2).reshape(B_, N, C)`, heads concatenated per token. */
  merged: tf.Tensor3D;
  /** `[B_, N, C]`: `proj(merged)`. */
  out: tf.Tensor3D;
};

/** Divisors of n, for the "choose a divisor" hint. */
function divisors(n: number): number[] {
  const out: number[] = [];
  for (let i = 1; i <= n; i++) if (n % i === 0) out.push(i);
  return out;
}

/** `num_heads` must be a whole number dividing C; the message lists the valid choices. */
export function checkHeadsDivide(numHeads: number, C: number): void {
  checkInt('num_heads', numHeads);
  check(
    C % numHeads === 0,
    () =>
      `num_heads=${numHeads} does not divide C=${C}: choose a divisor of ${C}: ${divisors(C).join(', ')}`
  );
}

/** PyTorch `nn.Linear`: `x [..., in] · Wᵀ [in, out] + b` for W in (out, in) layout. */
export function linear(x: tf.Tensor, weight: tf.Tensor, bias: tf.Tensor | null): tf.Tensor {
  return tf.tidy(() => {
    const inF = x.shape[x.rank - 1];
    const outF = weight.shape[0];
    // The (small) weight is transposed first: tfjs-wasm's matMul with transposeB is about 4× slower
    // than a plain one on [16384, 32] · [32, 96] (measured, headless Chromium, 2026-12-02).
    const y = tf.matMul(tf.reshape(x, [-1, inF]), tf.transpose(weight));
    const yb = bias ? tf.add(y, bias) : y;
    return tf.reshape(yb, [...x.shape.slice(0, -1), outF]);
  });
}

/**
 * `x.permute(2, 0, 3, 1, 4)` of `[B_, N, 3, heads, d]` → `[3, B_, heads, N, d]`, done as two 4-D
 * transposes of reshaped views (the same values, element for element): tfjs-wasm's 5-D transpose
 * took 40 % of a 128×128 SwinIR forward (measured in headless Chromium, 2026-12-02).
 */
export function permute20314(x: tf.Tensor5D): tf.Tensor5D {
  const [B_, N, three, heads, d] = x.shape;
  return tf.tidy(() => {
    // [B_, N, 3·heads, d] → [3·heads, B_, N, d], i.e. (t, h, b, n, d)
    const a = tf.transpose(tf.reshape(x, [B_, N, three * heads, d]), [2, 0, 1, 3]);
    // [3, heads, B_, N·d] → [3, B_, heads, N·d], i.e. (t, b, h, n, d)
    const b = tf.transpose(tf.reshape(a, [three, heads, B_, N * d]), [0, 2, 1, 3]);
    return tf.reshape(b, [three, B_, heads, N, d]) as tf.Tensor5D;
  });
}

/**
 * `x [B_, N, C]` (B_ = B·nW windows of N tokens) → `out [B_, N, C]` and every intermediate.
 *
 * `mask` is `[nW, N, N]` (0 / −100) or omitted. As in the official code the logits are viewed as
 * `[B_/nW, nW, heads, N, N]` and `mask[None, :, None]` is added, so window row `r` gets `mask[r mod nW]`:
 * the windows of each image must be consecutive, in `windowPartition` order.
 */
export function windowAttention(
  x: tf.Tensor,
  p: WindowAttentionParams,
  mask?: tf.Tensor | null
): WindowAttentionResult {
  checkRank('x', x, 3, 'B_,N,C');
  const [B_, N, C] = x.shape;
  checkHeadsDivide(p.numHeads, C);
  const heads = p.numHeads;
  check(
    Array.isArray(p.windowSize) && p.windowSize.length === 2,
    () => `window_size must be a pair [Wh, Ww], got ${JSON.stringify(p.windowSize)}`
  );
  const [Wh, Ww] = p.windowSize;
  checkInt('window_size[0] (Wh)', Wh);
  checkInt('window_size[1] (Ww)', Ww);
  check(
    N === Wh * Ww,
    () => `x has N=${N} tokens per window, but window_size ${Wh}×${Ww} has Wh·Ww=${Wh * Ww}`
  );
  checkShape('qkv.weight', p.qkvWeight, [3 * C, C], '3C,C');
  if (p.qkvBias) checkShape('qkv.bias', p.qkvBias, [3 * C], '3C');
  checkShape('proj.weight', p.projWeight, [C, C], 'C,C');
  checkShape('proj.bias', p.projBias, [C], 'C');
  checkShape(
    'relative_position_bias_table',
    p.relativePositionBiasTable,
    [(2 * Wh - 1) * (2 * Ww - 1), heads],
    '(2Wh−1)(2Ww−1),num_heads'
  );
  let nW = 0;
  if (mask) {
    checkRank('mask', mask, 3, 'nW,N,N');
    nW = mask.shape[0];
    check(
      mask.shape[1] === N && mask.shape[2] === N,
      () => `mask must be [nW, ${N}, ${N}] for N=${N} tokens, got [${mask.shape.join(', ')}]`
    );
    check(
      nW > 0 && B_ % nW === 0,
      () =>
        `B_=${B_} windows is not a multiple of the mask's nW=${nW}: ` +
        `x must hold B·nW windows, each image's windows in partition order`
    );
  }
  const d = C / heads; // @step reshape
  const scale = p.qkScale ?? Math.pow(d, -0.5); // @step scale

  return tf.tidy(() => {
    const qkvLin = linear(x, p.qkvWeight, p.qkvBias); // @step linear
    // [B_, N, 3·heads·d] → [B_, N, 3, heads, d] → [3, B_, heads, N, d]
    const qkv = permute20314(
      tf.reshape(qkvLin, [B_, N, 3, heads, d]) as tf.Tensor5D // @step reshape
    ); // @step permute
    const [q, k, v] = tf.unstack(qkv, 0) as tf.Tensor4D[]; // @step split
    const qScaled = tf.mul(q, scale) as tf.Tensor4D; // @step scale
    const attnQk = tf.matMul(qScaled, k, false, true) as tf.Tensor4D; // @step qk
    const relBias = relativePositionBias(p.relativePositionBiasTable, [Wh, Ww]); // @step bias
    const attnBiased = tf.add(attnQk, tf.expandDims(relBias, 0)) as tf.Tensor4D; // @step bias
    // Without a mask the logits equal attnBiased; clone so each returned field is its own tensor.
    let attnLogits = tf.clone(attnBiased);
    if (mask) {
      const grouped = tf.reshape(attnBiased, [B_ / nW, nW, heads, N, N]);
      const maskB = tf.reshape(mask, [1, nW, 1, N, N]);
      attnLogits = tf.reshape(tf.add(grouped, maskB), [B_, heads, N, N]) as tf.Tensor4D;
    }
    const attn = tf.softmax(attnLogits, -1) as tf.Tensor4D; // @step softmax
    const headsOut = tf.matMul(attn, v) as tf.Tensor4D; // @step av
    const merged = tf.reshape(tf.transpose(headsOut, [0, 2, 1, 3]), [B_, N, C]) as tf.Tensor3D; // @step merge
    const out = linear(merged, p.projWeight, p.projBias) as tf.Tensor3D; // @step proj
    return {
      qkv,
      q,
      k,
      v,
      qScaled,
      attnQk,
      relBias,
      attnBiased,
      attnLogits,
      attn,
      headsOut,
      merged,
      out
    };
  });
}
