/**
 * The /unfold-fold trace: pad → unfold (columns are patches, rows are offsets) → fold (overlaps
 * add up) → overlap count fold(unfold(ones)) → divide by the count, or by a constant.
 * Runs the tensor core's `unfold`/`fold` on a seeded input; hover links come from running the same
 * `unfold` on an index tensor of the padded input (provenance by iota), never from a formula.
 *
 * This file puts the trace together; the computation, views, steps, uncovered pixels and the
 * chapter's facts live beside it.
 */
import foldSource from '$lib/tensor/fold.ts?raw';
import restoreSource from './restore.ts?raw';
import pySource from './unfold_fold.py?raw';
import { listing } from '$lib/trace/listing';
import { scoped } from '$lib/trace/scoped';
import type { Trace } from '$lib/trace/types';
import { unfoldFoldRestore } from './restore';
import { unfoldFoldSteps } from './steps';
import { unfoldFoldViews, type PatchBox } from './views';
import { seededNormal } from '$lib/tensor/random';

export { unfoldFoldFacts } from './facts';
export { unfoldFoldRestore } from './restore';
export { uncovered, uncoveredSentence } from './uncovered';
export type { PatchBox } from './views';

export interface UnfoldFoldParams {
  H: number;
  W: number;
  C: number;
  kernel_size: number;
  stride: number;
  padding: number;
  seed: number;
}

export interface UnfoldFoldTrace extends Trace {
  /** Padded size and every patch's box, for the patch overlay. */
  geometry: { Hp: number; Wp: number; k: number; patches: PatchBox[]; padding: number };
  /** Provenance ids of padded pixel (y, x) in channel 0, so the overlay links like the grids. */
  pixelId: (y: number, x: number) => number;
  /** Ids linked by patch `l`: its column in x_unfold and its pixels. */
  patchLinks: (l: number) => number[];
}

export const unfoldFoldListings = [
  listing('PyTorch (ours)', 'python', pySource, ['unfold_fold']),
  listing('TensorFlow.js (runs this page)', 'typescript', restoreSource, ['unfoldFoldRestore'])
];
export const foldListing = listing(
  'TensorFlow.js: unfold / fold (tensor core)',
  'typescript',
  foldSource,
  ['unfold', 'fold']
);

export function traceUnfoldFold(p: UnfoldFoldParams): UnfoldFoldTrace {
  const { H, W, C, kernel_size: k, stride: s, padding: pad } = p;
  const Wp = W + 2 * pad;
  const out = scoped(() => {
    const x = seededNormal([1, C, H, W], p.seed, 0, 1);
    const r = unfoldFoldRestore(x, k, s, pad);
    const views = unfoldFoldViews(r, { H, W, C, k, s, pad });
    return {
      steps: unfoldFoldSteps(p, x, r, views),
      geometry: { Hp: views.Hp, Wp, k, patches: views.patches, padding: pad },
      patchLinks: views.patchLinks
    };
  });
  return {
    steps: out.steps,
    listings: [...unfoldFoldListings, foldListing],
    geometry: out.geometry,
    pixelId: (y, x) => y * Wp + x,
    patchLinks: out.patchLinks
  };
}
