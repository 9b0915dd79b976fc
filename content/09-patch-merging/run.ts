/**
 * The computation behind /patch-merging, on one seeded `x [B, H, W, C]`: Swin's PatchEmbed and
 * PatchMerging, Restormer's PixelUnshuffle / PixelShuffle and Downsample / Upsample, each also
 * linked to its provenance (`ids.ts`), plus the live checks the page quotes.
 * Call inside a tidy scope; returns tensors and plain arrays.
 */
import * as tf from '@tensorflow/tfjs-core';
import { conv2dNchw, linear, layerNorm, patchEmbed, patchMerging } from '$lib/tensor';
import { pixelShuffle, pixelUnshuffle } from '$lib/tensor/pixel-shuffle';
import { seededNormal } from '$lib/tensor/random';
import { pageIds } from './ids';
import { embedAsLinear } from './partition';
import { embedWeights, mergeWeights } from './weights';

export interface PatchMergingParams {
  B: number;
  H: number;
  W: number;
  C: number;
  patch_size: number;
  embed_dim: number;
  seed: number;
}

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
const nchw = (t: tf.Tensor) => tf.transpose(t, [0, 3, 1, 2]);

/**
 * The first step's tensors (x, PatchEmbed) and the two checks the step texts quote (PatchEmbed as
 * a Linear, the PixelShuffle round trip): what the frame that shows a change needs (the preview,
 * trace.ts). The complete run starts with it, so both give the same numbers.
 */
export function runFirstStep(p: PatchMergingParams) {
  const { B, H, W, C, patch_size: ps } = p;
  const embedWts = embedWeights(C, ps, p.embed_dim, p.seed);
  const x = seededNormal([B, H, W, C], p.seed, 0, 1);
  const ids = pageIds(B, H, W, C, ps);

  // PatchEmbed reads the image as NCHW, as Swin's PatchEmbed does.
  const embed = patchEmbed(nchw(x), embedWts);
  const embedAsLinearDiff = maxAbsDiff(
    embed.tokens,
    embedAsLinear(x, embedWts.projWeight, embedWts.projBias, ps)
  );
  const unshuffled = pixelUnshuffle(nchw(x), 2);
  const shuffled = pixelShuffle(unshuffled, 2);
  const shuffleRoundTrip = maxAbsDiff(shuffled, nchw(x));
  return { x, ids, embed, unshuffled, shuffled, embedAsLinearDiff, shuffleRoundTrip };
}
export type PatchMergingFirstStep = ReturnType<typeof runFirstStep>;

export function runPatchMerging(p: PatchMergingParams) {
  const { B, H, W, C } = p;
  const first = runFirstStep(p);
  const { x, ids, embed, unshuffled, shuffled } = first;
  const wts = mergeWeights(C, p.seed);

  // PatchMerging takes tokens [B, H·W, C].
  const merge = patchMerging(tf.reshape(x, [B, H * W, C]), H, W, wts.merge);
  const xCat = tf.reshape(merge.merged, [B, H / 2, W / 2, 4 * C]);

  const permutation = ids.permutation;

  // The checks: x_cat is x_unshuffled with its channels permuted; LayerNorm does not care about
  // the order (weight 1, bias 0), the Linear does: its columns must be permuted the same way.
  const unNhwc = tf.transpose(unshuffled, [0, 2, 3, 1]);
  const inverse = permutation.perm.map((_, u) => permutation.perm.indexOf(u));
  const unTokens = tf.reshape(unNhwc, [B, -1, 4 * C]);
  const normedUn = layerNorm(unTokens, wts.merge.normWeight, wts.merge.normBias, 1e-5);
  const reduction = wts.merge.reductionWeight;
  const checks = {
    embedAsLinear: first.embedAsLinearDiff,
    catFromUnshuffled: maxAbsDiff(xCat, tf.gather(unNhwc, permutation.perm, 3)),
    shuffleRoundTrip: first.shuffleRoundTrip,
    linearPermuted: maxAbsDiff(merge.out, linear(normedUn, tf.gather(reduction, inverse, 1), null)),
    linearUnpermuted: maxAbsDiff(merge.out, linear(normedUn, reduction, null))
  };

  // Restormer: Downsample(C) = Conv2d(C, C//2, 3) + PixelUnshuffle(2); Upsample(n) = Conv2d(n, 2n, 3) + PixelShuffle(2).
  const restormer: { label: string; shape: number[] }[] = [
    { label: 'x (NCHW)', shape: [B, C, H, W] }
  ];
  if (wts.down && wts.up) {
    const half = Math.floor(C / 2);
    const n = 4 * half;
    const down = conv2dNchw(nchw(x), wts.down, null, { padding: 1, name: 'Downsample conv' });
    const downOut = pixelUnshuffle(down, 2);
    const up = conv2dNchw(downOut, wts.up, null, { padding: 1, name: 'Upsample conv' });
    const upOut = pixelShuffle(up, 2);
    restormer.push(
      { label: `Downsample(${C}): Conv2d(${C}, ${half}, 3, padding=1)`, shape: down.shape },
      { label: 'then PixelUnshuffle(2)', shape: downOut.shape },
      { label: `Upsample(${n}): Conv2d(${n}, ${2 * n}, 3, padding=1)`, shape: up.shape },
      { label: 'then PixelShuffle(2)', shape: upOut.shape }
    );
  }

  return {
    x,
    embed,
    ids,
    merge,
    xCat,
    unshuffled,
    shuffled,
    permutation,
    checks,
    restormer
  };
}
export type PatchMergingRun = ReturnType<typeof runPatchMerging>;
