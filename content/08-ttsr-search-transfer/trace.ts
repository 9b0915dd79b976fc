/**
 * The /ttsr-search-transfer trace on real images: stand-in features → unfold → L2-normalise →
 * R = bmm → max (score, index) → gather (bis) → fold at three levels → divide (official /9 and the
 * post's folded ones). Runs the tensor core's `searchTransfer` twice (both divisors); hover links
 * come from `index` and from unfolding index tensors (provenance by iota).
 *
 * This file puts the trace together; the features, views, steps and the chapter's facts live
 * beside it.
 */
import { searchTransfer } from '$lib/tensor';
import tsSource from '$lib/tensor/search-transfer.ts?raw';
import pySource from '../../scripts/golden/ttsr.py?raw';
import { listing } from '$lib/trace/listing';
import { scoped } from '$lib/trace/scoped';
import { toTensor, ttsrInputs, type TtsrInputs } from './features';
import { ttsrSteps } from './steps';
import { ttsrViews } from './views';
import type { Trace } from '$lib/trace/types';

export { ttsrFacts } from './facts';
export { standInFeatures, ttsrInputs, upsample4, type Rgb, type TtsrInputs } from './features';
export { RCELL, REF } from './views';

export interface TtsrTrace extends Trace {
  /** lv3 grids of the LR and the reference, and the chosen reference position per LR position. */
  h: number;
  w: number;
  hr: number;
  wr: number;
  index: Int32Array;
  score: Float32Array;
  /** Stand-in features at lv3 (centred RGB), for the arrow diagram. */
  lrLv3: Float32Array;
  refLv3: Float32Array;
  /** Output images for previews: T_lv1 official and the post's variant, `[3, 4h, 4w]`. */
  tLv1: Float32Array;
}

export const ttsrListings = [
  listing('PyTorch (ours, made the fixtures)', 'python', pySource, ['search_transfer', 'bis']),
  listing('TensorFlow.js (runs this page)', 'typescript', tsSource, ['searchTransfer'])
];

export function traceTtsr(images: TtsrInputs): TtsrTrace {
  const h = images.lr.height;
  const w = images.lr.width;
  const hr = images.ref.height / 4;
  const wr = images.ref.width / 4;

  const out = scoped(() => {
    const inp = ttsrInputs(toTensor(images.lr), toTensor(images.ref));
    const args = [inp.lrsrLv3, inp.refsrLv3, inp.refLv1, inp.refLv2, inp.refLv3] as const;
    const off = searchTransfer(...args, { divide: 'constant9' });
    const post = searchTransfer(...args, { divide: 'foldedOnes' });
    const index = new Int32Array(off.index.dataSync());
    const score = new Float32Array(off.score.dataSync());
    const grid = { h, w, hr, wr };
    return {
      steps: ttsrSteps(grid, { inp, off, post, index, score }, ttsrViews(grid, index)),
      index,
      score,
      lrLv3: new Float32Array(inp.lrsrLv3.dataSync()),
      refLv3: new Float32Array(inp.refLv3.dataSync()),
      tLv1: new Float32Array(off.T_lv1.dataSync())
    };
  });
  return { ...out, listings: ttsrListings, h, w, hr, wr };
}
