/**
 * The /patch-merging trace: PatchEmbed, PatchMerging step by step, PixelUnshuffle beside x_cat and
 * PixelShuffle back. Runs the real ops from the tensor core on a seeded input and again on an index
 * tensor, so every step, hover link and table row is computed, not written.
 */
import pySwin from '../../scripts/golden/swin.py?raw';
import pyShuffle from '../../scripts/golden/pixel_shuffle.py?raw';
import tsPatch from '$lib/tensor/patch.ts?raw';
import tsShuffle from '$lib/tensor/pixel-shuffle.ts?raw';
import { listing, type Listing } from '$lib/trace/listing';
import { scoped } from '$lib/trace/scoped';
import { onlyStep } from '$lib/trace/step-texts';
import type { Trace } from '$lib/trace/types';
import type { Permutation } from './permutation';
import { runFirstStep, runPatchMerging, type PatchMergingParams } from './run';
import { STEP_IDS, patchMergingStepTexts, patchMergingSteps } from './steps';
import { firstStepViews, patchMergingViews } from './views';

export type { PatchMergingParams } from './run';

/** One listing cut from two source files (the ops live in two files, as in PyTorch). */
function joined(label: string, lang: Listing['lang'], parts: [string, string[]][]): Listing {
  const lines = parts.flatMap(([source, names], i) => [
    ...(i > 0 ? [{ text: '', steps: [] }] : []),
    ...listing(label, lang, source, names).lines
  ]);
  return { label, lang, lines };
}

export const patchMergingListings = [
  joined('PyTorch (ours, made the fixtures)', 'python', [
    [pySwin, ['patch_embed', 'patch_merging']],
    [pyShuffle, ['pixel_unshuffle', 'pixel_shuffle']]
  ]),
  joined('TensorFlow.js (runs this page)', 'typescript', [
    [tsPatch, ['patchEmbed', 'patchMerging']],
    [tsShuffle, ['pixelUnshuffle', 'pixelShuffle']]
  ])
];

export interface PatchMergingChecks {
  /** max |PatchEmbed conv − (partition into patches, then Linear)|. */
  embedAsLinear: number;
  /** max |x_cat − x_unshuffled with its channels permuted|. */
  catFromUnshuffled: number;
  /** max |pixel_shuffle(pixel_unshuffle(x)) − x|. */
  shuffleRoundTrip: number;
  /** PatchMerging against LayerNorm + Linear on x_unshuffled, with and without permuted columns. */
  linearPermuted: number;
  linearUnpermuted: number;
}

export interface PatchMergingTrace extends Trace {
  permutation: Permutation;
  checks: PatchMergingChecks;
  /** Restormer's Downsample / Upsample on this x: each stage's shape, read from the real tensor. */
  restormer: { label: string; shape: number[] }[];
}

export function tracePatchMerging(p: PatchMergingParams): PatchMergingTrace {
  const out = scoped(() => {
    const r = runPatchMerging(p);
    const views = patchMergingViews(p, r);
    return {
      steps: patchMergingSteps(p, r, views),
      permutation: r.permutation,
      checks: r.checks,
      restormer: r.restormer.map((s) => ({ label: s.label, shape: [...s.shape] }))
    };
  });
  return { ...out, listings: patchMergingListings };
}

/**
 * The frame that shows a change on the first step (the default): x and PatchEmbed's tokens, and the
 * texts of every step, without PatchMerging, its checks or Restormer's convs (~1 of ~2 ms on the
 * main thread). The complete trace follows after the frame (figure-run.svelte.ts). On any other
 * step it declines (null) and the complete trace runs at once.
 */
export function previewPatchMerging(
  p: PatchMergingParams,
  stepAt: (count: number) => number
): Trace | null {
  if (stepAt(STEP_IDS.length) !== 0) return null;
  const { B, H, W, C } = p;
  const [h, w] = [H / 2, W / 2];
  const steps = scoped(() => {
    const r = runFirstStep(p);
    // Shapes by formula here; the unit test holds them to the complete trace's real tensors.
    const texts = patchMergingStepTexts(p, {
      embedAsLinear: r.embedAsLinearDiff,
      shuffleRoundTrip: r.shuffleRoundTrip,
      xCat: [B, h, w, 4 * C],
      merged: [B, h * w, 2 * C],
      unshuffled: r.unshuffled.shape,
      shuffled: r.shuffled.shape,
      fixed: r.ids.permutation.fixed
    });
    const v = firstStepViews(p, r);
    return onlyStep(texts, 0, [v.x(p.patch_size), v.tokens]);
  });
  return { steps, listings: patchMergingListings };
}
