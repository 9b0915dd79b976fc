/**
 * Numbers for the prose of /patch-merging (the "common misconception" notes), computed with the
 * same ops as the figure: Swin-T's first stage, the conv written as partition + Linear, and the
 * channel order of PatchMerging against PixelUnshuffle at C = 3 and at Swin-T's C = 96.
 */
import { scoped } from '$lib/trace/scoped';
import { hierarchy, SWIN_T } from './hierarchy';
import { runPatchMerging } from './run';

export function patchMergingFacts(): Record<string, string> {
  const swinT = hierarchy(224);
  return scoped(() => {
    const s = SWIN_T;
    // Swin-T's PatchEmbed (3 → 96, patch 4) on an 8×8 image; C = 3 as on the figure's default.
    const embed = runPatchMerging({
      B: 1,
      H: 8,
      W: 8,
      C: 3,
      patch_size: 4,
      embed_dim: 96,
      seed: 0
    });
    const small = runPatchMerging({ B: 1, H: 4, W: 6, C: 3, patch_size: 2, embed_dim: 6, seed: 0 });
    const wide = runPatchMerging({ B: 1, H: 2, W: 2, C: 96, patch_size: 2, embed_dim: 1, seed: 0 });
    const [, L, E] = swinT.stages[0].shape;
    const exp = (v: number) => (v === 0 ? '0' : v.toExponential(1));
    const projWeight = embed.embed.conv.shape[1] * s.inChans * s.patchSize ** 2;
    return {
      swinTokens: `(B, ${L}, ${E})`,
      patchLen: String(s.inChans * s.patchSize ** 2),
      convParams: (projWeight + E).toLocaleString('en'),
      convAsLinear: exp(embed.checks.embedAsLinear),
      perm3: small.permutation.perm.join(', '),
      cat1: String(small.permutation.perm[1]),
      fixed3: `${small.permutation.fixed} of ${small.permutation.perm.length}`,
      fixed96: `${wide.permutation.fixed} of ${wide.permutation.perm.length}`,
      unpermuted: small.checks.linearUnpermuted.toFixed(2),
      permuted: exp(small.checks.linearPermuted)
    };
  });
}
