/**
 * Restormer's transformer block: MDTA (transposed attention across channels) and GDFN (gated
 * depthwise feed-forward) between channel LayerNorms. Mirrors swz30/Restormer
 * `basicsr/models/archs/restormer_arch.py`: `Attention`, `FeedForward`, `TransformerBlock`
 * (https://github.com/swz30/Restormer); the LayerNorm (`to_3d`/`to_4d`, `BiasFree_LayerNorm`,
 * `WithBias_LayerNorm`) is in channel-norm.ts, the NCHW convolution in conv-nchw.ts.
 *
 * Everything is NCHW as in PyTorch; weights are in PyTorch conv layout `[out, in/groups, kh, kw]`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { layerNormChannels } from './channel-norm';
import { check, checkInt, checkRank, checkShape } from './check';
import { conv2dNchw } from './conv-nchw';
import { batchMatMul } from './products';
import { chunk } from './runs';
import { gelu } from './gelu';
import { l2Normalize } from './search-transfer';

// Re-exported so that callers of the block's helpers (NAFNet, tests) keep one import path.
export { channelNorm, layerNormChannels } from './channel-norm';
export { conv2dNchw } from './conv-nchw';

/** Parameters of Restormer's `Attention` (MDTA), PyTorch layouts; biases exist when `bias=True`. */
export interface MdtaParams {
  numHeads: number;
  /** `qkv.weight` `[3C, C, 1, 1]`. */
  qkvWeight: tf.Tensor;
  /** `qkv_dwconv.weight` `[3C, 1, 3, 3]` (depthwise: groups = 3C). */
  qkvDwconvWeight: tf.Tensor;
  /** `project_out.weight` `[C, C, 1, 1]`. */
  projectOutWeight: tf.Tensor;
  /** `temperature` `[heads, 1, 1]` (learned, initialised to ones). */
  temperature: tf.Tensor;
  qkvBias?: tf.Tensor | null;
  qkvDwconvBias?: tf.Tensor | null;
  projectOutBias?: tf.Tensor | null;
}

export type MdtaResult = {
  /** `self.qkv(x)`, the 1×1 conv: `[B, 3C, H, W]`. */
  qkvPointwise: tf.Tensor4D;
  /** `self.qkv_dwconv(self.qkv(x))`: `[B, 3C, H, W]`. */
  qkv: tf.Tensor4D;
  /** `rearrange(q, 'b (head c) h w -> b head c (h w)')`: `[B, heads, C/heads, H·W]`. */
  q: tf.Tensor4D;
  k: tf.Tensor4D;
  v: tf.Tensor4D;
  /** `F.normalize(q, dim=-1)`: unit norm over H·W for every (head, channel). */
  qNorm: tf.Tensor4D;
  kNorm: tf.Tensor4D;
  /** `(q @ kᵀ) · temperature`: `[B, heads, C/heads, C/heads]`, channels × channels. */
  attnLogits: tf.Tensor4D;
  /** `softmax(attnLogits, dim=-1)`: `[B, heads, C/heads, C/heads]`. */
  attn: tf.Tensor4D;
  /** `attn @ v`: `[B, heads, C/heads, H·W]`. */
  attnOut: tf.Tensor4D;
  /** `rearrange(out, 'b head c (h w) -> b (head c) h w')`: `[B, C, H, W]`. */
  merged: tf.Tensor4D;
  /** `project_out(merged)`: `[B, C, H, W]`, the block's features (not an attention map). */
  out: tf.Tensor4D;
};

/**
 * MDTA, `Attention.forward` in restormer_arch.py: `[B, C, H, W] → [B, C, H, W]`.
 * The attention map is `[B, heads, C/heads, C/heads]`: it mixes channels, and its size does not
 * grow with the image (the cost is linear in H·W).
 */
export function mdta(x: tf.Tensor, p: MdtaParams): MdtaResult {
  checkRank('x', x, 4, 'B,C,H,W');
  const [B, C, H, W] = x.shape;
  checkInt('num_heads', p.numHeads);
  const heads = p.numHeads;
  check(
    C % heads === 0,
    () => `C=${C} is not a multiple of num_heads=${heads}: each head takes C/num_heads channels`
  );
  checkShape('qkvWeight', p.qkvWeight, [3 * C, C, 1, 1], '3C,C,1,1');
  checkShape('qkvDwconvWeight', p.qkvDwconvWeight, [3 * C, 1, 3, 3], '3C,1,3,3');
  checkShape('projectOutWeight', p.projectOutWeight, [C, C, 1, 1], 'C,C,1,1');
  checkShape('temperature', p.temperature, [heads, 1, 1], 'heads,1,1');
  if (p.qkvBias) checkShape('qkvBias', p.qkvBias, [3 * C], '3C');
  if (p.qkvDwconvBias) checkShape('qkvDwconvBias', p.qkvDwconvBias, [3 * C], '3C');
  if (p.projectOutBias) checkShape('projectOutBias', p.projectOutBias, [C], 'C');
  const c = C / heads;
  return tf.tidy(() => {
    const qkvPointwise = conv2dNchw(x, p.qkvWeight, p.qkvBias, { name: 'qkv' }); // @step qkv
    const qkv = conv2dNchw(qkvPointwise, p.qkvDwconvWeight, p.qkvDwconvBias, {
      padding: 1,
      groups: 3 * C, // @step dwconv
      name: 'qkv_dwconv'
    });
    // chunk(3, dim=1), then 'b (head c) h w -> b head c (h w)' is a plain reshape in NCHW.
    const [q, k, v] = chunk(qkv, 3, 1) // @step chunk
      .map((t) => tf.reshape(t, [B, heads, c, H * W]) as tf.Tensor4D); // @step rearrange
    const qNorm = l2Normalize(q, -1) as tf.Tensor4D; // @step normalize
    const kNorm = l2Normalize(k, -1) as tf.Tensor4D; // @step normalize
    const attnLogits = tf.mul(batchMatMul(qNorm, kNorm, true), p.temperature) as tf.Tensor4D; // @step qk
    const attn = tf.softmax(attnLogits, -1) as tf.Tensor4D; // @step softmax mdta
    const attnOut = batchMatMul(attn, v) as tf.Tensor4D; // @step av
    const merged = tf.reshape(attnOut, [B, C, H, W]) as tf.Tensor4D; // @step merge
    const out = conv2dNchw(merged, p.projectOutWeight, p.projectOutBias, { name: 'project_out' }); // @step project
    return { qkvPointwise, qkv, q, k, v, qNorm, kNorm, attnLogits, attn, attnOut, merged, out };
  });
}

/** Parameters of Restormer's `FeedForward` (GDFN); hidden = int(C · ffn_expansion_factor). */
export interface GdfnParams {
  /** `project_in.weight` `[2·hidden, C, 1, 1]`. */
  projectInWeight: tf.Tensor;
  /** `dwconv.weight` `[2·hidden, 1, 3, 3]` (depthwise). */
  dwconvWeight: tf.Tensor;
  /** `project_out.weight` `[C, hidden, 1, 1]`. */
  projectOutWeight: tf.Tensor;
  projectInBias?: tf.Tensor | null;
  dwconvBias?: tf.Tensor | null;
  projectOutBias?: tf.Tensor | null;
}

export type GdfnResult = {
  /** `project_in(x)`: `[B, 2·hidden, H, W]`. */
  projected: tf.Tensor4D;
  /** `dwconv(projected)`: `[B, 2·hidden, H, W]`. */
  dw: tf.Tensor4D;
  /** First half of `chunk(2, dim=1)`, the gate's input: `[B, hidden, H, W]`. */
  x1: tf.Tensor4D;
  /** Second half: `[B, hidden, H, W]`. */
  x2: tf.Tensor4D;
  /** `gelu(x1) · x2` with the exact (erf) GELU: `[B, hidden, H, W]`. */
  gated: tf.Tensor4D;
  /** `project_out(gated)`: `[B, C, H, W]`. */
  out: tf.Tensor4D;
};

/**
 * GDFN, `FeedForward.forward` in restormer_arch.py: `[B, C, H, W] → [B, C, H, W]`.
 * The hidden width comes from the weights (`int(C·2.66)` in the official default).
 */
export function gdfn(x: tf.Tensor, p: GdfnParams): GdfnResult {
  checkRank('x', x, 4, 'B,C,H,W');
  const [, C] = x.shape;
  checkRank('projectInWeight', p.projectInWeight, 4, '2·hidden,C,1,1');
  const [twoHidden] = p.projectInWeight.shape;
  check(
    twoHidden % 2 === 0,
    () => `projectInWeight has ${twoHidden} output channels; GDFN needs an even 2·hidden`
  );
  const hidden = twoHidden / 2;
  checkShape('projectInWeight', p.projectInWeight, [twoHidden, C, 1, 1], '2·hidden,C,1,1');
  checkShape('dwconvWeight', p.dwconvWeight, [twoHidden, 1, 3, 3], '2·hidden,1,3,3');
  checkShape('projectOutWeight', p.projectOutWeight, [C, hidden, 1, 1], 'C,hidden,1,1');
  if (p.projectInBias) checkShape('projectInBias', p.projectInBias, [twoHidden], '2·hidden');
  if (p.dwconvBias) checkShape('dwconvBias', p.dwconvBias, [twoHidden], '2·hidden');
  if (p.projectOutBias) checkShape('projectOutBias', p.projectOutBias, [C], 'C');
  return tf.tidy(() => {
    const projected = conv2dNchw(x, p.projectInWeight, p.projectInBias, { name: 'project_in' }); // @step project-in
    const dw = conv2dNchw(projected, p.dwconvWeight, p.dwconvBias, {
      padding: 1,
      groups: twoHidden, // @step ffn-dwconv
      name: 'dwconv'
    });
    const [x1, x2] = tf.split(dw, 2, 1) as tf.Tensor4D[]; // @step ffn-chunk
    const gated = tf.mul(gelu(x1), x2) as tf.Tensor4D; // @step gate
    const out = conv2dNchw(gated, p.projectOutWeight, p.projectOutBias, { name: 'project_out' }); // @step ffn-out
    return { projected, dw, x1, x2, gated, out };
  });
}

export interface RestormerBlockParams {
  layerNormType: 'WithBias' | 'BiasFree';
  /** `norm1.body.weight` `[C]`. */
  norm1Weight: tf.Tensor;
  /** `norm1.body.bias` `[C]`, WithBias only. */
  norm1Bias?: tf.Tensor | null;
  attn: MdtaParams;
  norm2Weight: tf.Tensor;
  norm2Bias?: tf.Tensor | null;
  ffn: GdfnParams;
}

export type RestormerBlockResult = {
  /** `norm1(x)`: `[B, C, H, W]`. */
  norm1: tf.Tensor4D;
  /** MDTA on `norm1` and its intermediates. */
  attn: MdtaResult;
  /** `x + attn(norm1(x))`: `[B, C, H, W]`. */
  afterAttn: tf.Tensor4D;
  /** `norm2(afterAttn)`: `[B, C, H, W]`. */
  norm2: tf.Tensor4D;
  /** GDFN on `norm2` and its intermediates. */
  ffn: GdfnResult;
  /** `afterAttn + ffn(norm2(afterAttn))`: `[B, C, H, W]`. */
  out: tf.Tensor4D;
};

/**
 * `TransformerBlock.forward` in restormer_arch.py: `x = x + attn(norm1(x)); x = x + ffn(norm2(x))`,
 * `[B, C, H, W] → [B, C, H, W]`.
 */
export function restormerBlock(x: tf.Tensor, p: RestormerBlockParams): RestormerBlockResult {
  check(
    p.layerNormType === 'WithBias' || p.layerNormType === 'BiasFree',
    () => `layerNormType must be 'WithBias' or 'BiasFree', got '${p.layerNormType}'`
  );
  const withBias = p.layerNormType === 'WithBias';
  for (const [name, b] of [
    ['norm1Bias', p.norm1Bias],
    ['norm2Bias', p.norm2Bias]
  ] as const) {
    check(withBias === Boolean(b), () =>
      withBias
        ? `layerNormType 'WithBias' needs ${name}`
        : `layerNormType 'BiasFree' has no bias, but ${name} was given`
    );
  }
  return tf.tidy(() => {
    const norm1 = layerNormChannels(x, p.norm1Weight, p.norm1Bias ?? null); // @step norm1
    const attn = mdta(norm1, p.attn); // @step qkv
    const afterAttn = tf.add(x, attn.out) as tf.Tensor4D; // @step residual1
    const norm2 = layerNormChannels(afterAttn, p.norm2Weight, p.norm2Bias ?? null); // @step norm2
    const ffn = gdfn(norm2, p.ffn); // @step project-in
    const out = tf.add(afterAttn, ffn.out) as tf.Tensor4D; // @step residual2
    return { norm1, attn, afterAttn, norm2, ffn, out };
  });
}
