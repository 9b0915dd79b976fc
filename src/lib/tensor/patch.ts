/**
 * Swin's PatchEmbed and PatchMerging (microsoft/Swin-Transformer `models/swin_transformer.py`,
 * classes `PatchEmbed` and `PatchMerging`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkInt, checkRank, checkShape } from './check';
import { layerNorm } from './layer-norm';
import { linear } from './window-attention';

export interface PatchEmbedParams {
  patchSize: number;
  /** `[E, C, ps, ps]`: PyTorch Conv2d layout (out, in, kh, kw). */
  projWeight: tf.Tensor;
  /** `[E]`. */
  projBias: tf.Tensor;
  /** `[E]` each; when given, LayerNorm (eps 1e-5) after flattening (`patch_norm=True`). */
  normWeight?: tf.Tensor | null;
  normBias?: tf.Tensor | null;
}

export type PatchEmbedResult = {
  /** `[B, E, H/ps, W/ps]`: `proj(x)`, the stride-ps convolution, NCHW as in PyTorch. */
  conv: tf.Tensor4D;
  /** `[B, (H/ps)·(W/ps), E]`: `conv.flatten(2).transpose(1, 2)`, one token per patch, raster order. */
  tokens: tf.Tensor3D;
  /** `[B, (H/ps)·(W/ps), E]`: `norm(tokens)`, or a copy of `tokens` without a norm. */
  out: tf.Tensor3D;
};

/**
 * Cut `x [B, C, H, W]` into ps×ps patches and project each to E channels: a Conv2d with
 * kernel = stride = ps, then `flatten(2).transpose(1, 2)` → `[B, H′·W′, E]`, H′ = H/ps, W′ = W/ps.
 */
export function patchEmbed(x: tf.Tensor, p: PatchEmbedParams): PatchEmbedResult {
  checkRank('x', x, 4, 'B,C,H,W');
  checkInt('patch_size', p.patchSize);
  const ps = p.patchSize;
  const [B, C, H, W] = x.shape;
  check(
    H % ps === 0 && W % ps === 0,
    () =>
      `H=${H}, W=${W} must be multiples of patch_size=${ps}: a stride-${ps} convolution would drop ` +
      `the last ${H % ps} rows and ${W % ps} columns`
  );
  checkRank('proj.weight', p.projWeight, 4, 'E,C,ps,ps');
  const E = p.projWeight.shape[0];
  checkShape('proj.weight', p.projWeight, [E, C, ps, ps], 'E,C,ps,ps');
  checkShape('proj.bias', p.projBias, [E], 'E');
  check(
    !p.normWeight === !p.normBias,
    'norm.weight and norm.bias must be given together (patch_norm) or both left out'
  );
  if (p.normWeight) checkShape('norm.weight', p.normWeight, [E], 'E');
  if (p.normBias) checkShape('norm.bias', p.normBias, [E], 'E');
  const [Hp, Wp] = [H / ps, W / ps];

  return tf.tidy(() => {
    // tfjs conv2d is NHWC with filters [kh, kw, in, out]; PyTorch is NCHW with [out, in, kh, kw].
    const xNhwc = tf.transpose(x, [0, 2, 3, 1]) as tf.Tensor4D;
    const filter = tf.transpose(p.projWeight, [2, 3, 1, 0]) as tf.Tensor4D;
    const yNhwc = tf.add(tf.conv2d(xNhwc, filter, ps, 'valid'), p.projBias) as tf.Tensor4D; // @step embed
    const conv = tf.transpose(yNhwc, [0, 3, 1, 2]) as tf.Tensor4D;
    // NHWC flattened over (H′, W′) is exactly NCHW.flatten(2).transpose(1, 2).
    const tokens = tf.reshape(yNhwc, [B, Hp * Wp, E]) as tf.Tensor3D; // @step embed
    const out = (
      p.normWeight && p.normBias
        ? layerNorm(tokens, p.normWeight, p.normBias, 1e-5) // @step embed
        : tf.clone(tokens)
    ) as tf.Tensor3D;
    return { conv, tokens, out };
  });
}

export interface PatchMergingParams {
  /** `[4C]` each: LayerNorm (eps 1e-5) over the concatenated channels. */
  normWeight: tf.Tensor;
  normBias: tf.Tensor;
  /** `[2C, 4C]`: `reduction`, Linear 4C → 2C without bias. */
  reductionWeight: tf.Tensor;
}

export type PatchMergingResult = {
  /** `[B, H/2, W/2, C]` each: x0 = (even row, even col), x1 = (odd, even), x2 = (even, odd), x3 = (odd, odd). */
  x0: tf.Tensor4D;
  x1: tf.Tensor4D;
  x2: tf.Tensor4D;
  x3: tf.Tensor4D;
  /** `[B, (H/2)·(W/2), 4C]`: `cat([x0, x1, x2, x3], −1).view(B, −1, 4C)`. */
  merged: tf.Tensor3D;
  /** `[B, (H/2)·(W/2), 4C]`: `norm(merged)`. */
  normed: tf.Tensor3D;
  /** `[B, (H/2)·(W/2), 2C]`: `reduction(normed)`. */
  out: tf.Tensor3D;
};

/**
 * Halve the resolution and double the channels: `[B, H·W, C]` → `[B, (H/2)·(W/2), 2C]`.
 * Channels are concatenated in the official x0, x1, x2, x3 order — (even,even), (odd,even),
 * (even,odd), (odd,odd) — which is not PixelUnshuffle's order.
 */
export function patchMerging(
  x: tf.Tensor,
  H: number,
  W: number,
  p: PatchMergingParams
): PatchMergingResult {
  checkRank('x', x, 3, 'B,H·W,C');
  checkInt('H', H);
  checkInt('W', W);
  const [B, L, C] = x.shape;
  check(L === H * W, () => `x has ${L} tokens but H·W = ${H}·${W} = ${H * W}`);
  check(
    H % 2 === 0 && W % 2 === 0,
    () => `H=${H} and W=${W} must both be even: patch merging takes 2×2 neighbourhoods`
  );
  checkShape('norm.weight', p.normWeight, [4 * C], '4C');
  checkShape('norm.bias', p.normBias, [4 * C], '4C');
  checkShape('reduction.weight', p.reductionWeight, [2 * C, 4 * C], '2C,4C');

  return tf.tidy(() => {
    const x4 = tf.reshape(x, [B, H, W, C]); // @step view
    // x[:, r0::2, c0::2, :] as a strided slice.
    const pick = (r0: number, c0: number) =>
      tf.stridedSlice(x4, [0, r0, c0, 0], [B, H, W, C], [1, 2, 2, 1]) as tf.Tensor4D; // @step slice
    const x0 = pick(0, 0); // @step slice
    const x1 = pick(1, 0); // @step slice
    const x2 = pick(0, 1); // @step slice
    const x3 = pick(1, 1); // @step slice
    const cat = tf.concat([x0, x1, x2, x3], -1); // @step cat
    const merged = tf.reshape(cat, [B, (H / 2) * (W / 2), 4 * C]) as tf.Tensor3D; // @step cat
    const normed = layerNorm(merged, p.normWeight, p.normBias, 1e-5) as tf.Tensor3D; // @step reduce
    const out = linear(normed, p.reductionWeight, null) as tf.Tensor3D; // @step reduce
    return { x0, x1, x2, x3, merged, normed, out };
  });
}
