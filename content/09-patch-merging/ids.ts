/**
 * Provenance of every tensor on /patch-merging: the same ops run on an index tensor (provenance by
 * iota). The ids depend on the sizes only, not on the seed, so they are kept per size (as PyTorch
 * keeps a buffer per size) and a seed change runs only the ops on the data.
 */
import * as tf from '@tensorflow/tfjs-core';
import { patchMerging } from '$lib/tensor';
import { pixelShuffle, pixelUnshuffle } from '$lib/tensor/pixel-shuffle';
import { memo } from '$lib/memo';
import { iota, provenanceOf } from '$lib/trace/provenance';
import { scoped } from '$lib/trace/scoped';
import { patchPartition } from './partition';
import { channelPermutation, type Permutation } from './permutation';

export interface PageIds {
  /** `[B, L, ps·ps·C]`: the ids of x in each PatchEmbed token's patch. */
  patch: Int32Array;
  /** `[B, H/2, W/2, C]` each. */
  slices: [Int32Array, Int32Array, Int32Array, Int32Array];
  /** `[B, H/2, W/2, 4C]`. */
  cat: Int32Array;
  /** `[B, 4C, H/2, W/2]` and `[B, C, H, W]`. */
  unshuffled: Int32Array;
  shuffled: Int32Array;
  permutation: Permutation;
}

const remembered = memo<PageIds>(16);

export function pageIds(B: number, H: number, W: number, C: number, ps: number): PageIds {
  return remembered(JSON.stringify([B, H, W, C, ps]), () =>
    scoped(() => {
      const id = iota([B, H, W, C]);
      // The data ops are value-blind; LayerNorm and the Linear after the cat are not used here.
      const m = patchMerging(tf.reshape(id, [B, H * W, C]), H, W, {
        normWeight: tf.ones([4 * C]),
        normBias: tf.zeros([4 * C]),
        reductionWeight: tf.zeros([2 * C, 4 * C])
      });
      const unshuffled = pixelUnshuffle(tf.transpose(id, [0, 3, 1, 2]), 2);
      const cat = provenanceOf(m.merged);
      const unshuffledIds = provenanceOf(unshuffled);
      return {
        patch: provenanceOf(patchPartition(id, ps)),
        slices: [m.x0, m.x1, m.x2, m.x3].map(provenanceOf) as PageIds['slices'],
        cat,
        unshuffled: unshuffledIds,
        shuffled: provenanceOf(pixelShuffle(unshuffled, 2)),
        permutation: channelPermutation(cat, unshuffledIds, [B, H, W, C])
      };
    })
  );
}
