/**
 * The /ttsr-search-transfer trace on real images: stand-in features → unfold → L2-normalise →
 * R = bmm → max (score, index) → gather (bis) → fold at three levels → divide (official /9 and the
 * post's folded ones). Runs the tensor core's `searchTransfer` twice (both divisors); hover links
 * come from `index` and from unfolding index tensors (provenance by iota).
 *
 * Features: TTSR uses VGG19 relu1_1 / relu2_1 / relu3_1. Here the stand-in is the image itself,
 * centred (RGB − 0.5), average-pooled by 1, 2 and 4 for lv1, lv2 and lv3 — the mechanics are the
 * lesson, not the features.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fold, searchTransfer, snapshot, unfold } from '$lib/tensor';
import tsSource from '$lib/tensor/search-transfer.ts?raw';
import pySource from '../../../scripts/golden/ttsr.py?raw';
import { listing } from './listing';
import { iota, provenanceOf } from './provenance';
import { scoped } from './scoped';
import type { Step, TensorView, Trace } from './types';

/** An RGB image as planar floats in [0, 1]: `data[c·H·W + y·W + x]`. */
export interface Rgb {
  width: number;
  height: number;
  data: Float32Array;
}

export interface TtsrInputs {
  lr: Rgb;
  ref: Rgb;
}

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

/** Link ids: LR position j → j; reference position i → REF + i; R entry f → RCELL + f. */
export const REF = 1 << 20;
export const RCELL = 1 << 21;

/** Stand-in features of an image `[1, 3, H, W]` at lv1, lv2, lv3: centred RGB pooled by 1, 2, 4. */
export function standInFeatures(img: tf.Tensor4D) {
  return tf.tidy(() => {
    const nhwc = tf.transpose(tf.sub(img, 0.5), [0, 2, 3, 1]) as tf.Tensor4D;
    const pool = (f: number) => (f === 1 ? nhwc : (tf.avgPool(nhwc, f, f, 'valid') as tf.Tensor4D));
    const nchw = (t: tf.Tensor4D) => tf.transpose(t, [0, 3, 1, 2]) as tf.Tensor4D;
    return { lv1: nchw(pool(1)), lv2: nchw(pool(2)), lv3: nchw(pool(4)) };
  });
}

/** Bilinear ×4 upsampling of `[1, 3, H, W]` (TTSR feeds the bicubic-upsampled LR to VGG). */
export function upsample4(img: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const [, , H, W] = img.shape;
    const nhwc = tf.transpose(img, [0, 2, 3, 1]) as tf.Tensor4D;
    const up = tf.image.resizeBilinear(nhwc, [4 * H, 4 * W], true);
    return tf.transpose(up, [0, 3, 1, 2]) as tf.Tensor4D;
  });
}

/** The five inputs of searchTransfer, built from an LR image `[1,3,h,w]` and a Ref `[1,3,4hr,4wr]`. */
export function ttsrInputs(lr: tf.Tensor4D, ref: tf.Tensor4D) {
  return tf.tidy(() => {
    const refFeat = standInFeatures(ref);
    // Ref↓↑: down to the LR scale and back up, so both sides of the search are equally blurred.
    const refDownUp = upsample4(
      tf.transpose(
        tf.avgPool(tf.transpose(ref, [0, 2, 3, 1]) as tf.Tensor4D, 4, 4, 'valid'),
        [0, 3, 1, 2]
      ) as tf.Tensor4D
    );
    return {
      lrsrLv3: standInFeatures(upsample4(lr)).lv3,
      refsrLv3: standInFeatures(refDownUp).lv3,
      refLv1: refFeat.lv1,
      refLv2: refFeat.lv2,
      refLv3: refFeat.lv3
    };
  });
}

const toTensor = (im: Rgb) =>
  tf.tensor4d(im.data, [1, 3, im.height, im.width], 'float32') as tf.Tensor4D;

export function traceTtsr(images: TtsrInputs): TtsrTrace {
  const h = images.lr.height;
  const w = images.lr.width;
  const hr = images.ref.height / 4;
  const wr = images.ref.width / 4;
  const HW = h * w;

  const out = scoped(() => {
    const inp = ttsrInputs(toTensor(images.lr), toTensor(images.ref));
    const args = [inp.lrsrLv3, inp.refsrLv3, inp.refLv1, inp.refLv2, inp.refLv3] as const;
    const off = searchTransfer(...args, { divide: 'constant9' });
    const post = searchTransfer(...args, { divide: 'foldedOnes' });
    const index = Int32Array.from(off.index.dataSync());
    const score = Float32Array.from(off.score.dataSync());

    const lrIds = (f: number, H: number, W: number, fct: number) =>
      Math.floor((f % (H * W)) / W / fct) * w + Math.floor((f % W) / fct);
    const refIds = (f: number, H: number, W: number, fct: number) =>
      REF + Math.floor((f % (H * W)) / W / fct) * wr + Math.floor((f % W) / fct);
    const ids = (n: number, fn: (f: number) => number) =>
      Int32Array.from({ length: n }, (_, f) => fn(f));
    const best = (j: number) => [j, REF + index[j], RCELL + index[j] * HW + j];
    const nchw = { rows: 2, cols: 3, facets: [0, 1] };

    /** An LR-side image-shaped tensor at scale fct (1, 2, 4): a pixel links the LR positions whose patches fold into it. */
    const lrImage = (
      name: string,
      t: tf.Tensor,
      fct: number,
      caption?: string,
      k = 3,
      s = 1,
      p = 1
    ): TensorView => {
      const [, C, H, W] = t.shape;
      // Which LR positions (columns) write into each output pixel: unfold an index image.
      const cover: number[][] = Array.from({ length: H * W }, () => []);
      const pid = provenanceOf(unfold(tf.add(iota([1, 1, H, W]), 1), k, { stride: s, padding: p }));
      pid.forEach((v, e) => v > 0 && cover[v - 1].push(e % HW));
      return {
        name,
        snap: snapshot(t),
        dims: ['B', 'C', fct === 1 ? 'H' : `${fct}H`, fct === 1 ? 'W' : `${fct}W`],
        provenance: ids(C * H * W, (f) => lrIds(f, H, W, fct)),
        linksOf: (f) => [...new Set(cover[f % (H * W)])].flatMap(best),
        grid: nchw,
        caption
      };
    };
    const refImage = (name: string, t: tf.Tensor, fct: number, caption?: string): TensorView => {
      const [, C, H, W] = t.shape;
      return {
        name,
        snap: snapshot(t),
        dims: ['B', 'C', fct === 1 ? 'Hr' : `${fct}Hr`, fct === 1 ? 'Wr' : `${fct}Wr`],
        provenance: ids(C * H * W, (f) => refIds(f, H, W, fct)),
        grid: nchw,
        caption
      };
    };
    const perPosition = (name: string, t: tf.Tensor, caption: string): TensorView => ({
      name,
      snap: snapshot(t),
      dims: ['B', 'H·W'],
      provenance: ids(HW, (j) => j),
      linksOf: (j) => best(j),
      caption
    });
    const lrsr = lrImage(
      'lrsr_lv3',
      inp.lrsrLv3,
      1,
      'LR↑ features at lv3 (stand-in: centred RGB, pooled by 4)'
    );
    const refsr = refImage('refsr_lv3', inp.refsrLv3, 1, 'Ref↓↑ features at lv3');
    const refLv3 = refImage('ref_lv3', inp.refLv3, 1, 'Ref features at lv3 (what is transferred)');
    const lrUnfold = (t: tf.Tensor, caption: string): TensorView => ({
      name: 'lrsr_lv3_unfold',
      snap: snapshot(t),
      dims: ['B', 'C·3·3', 'H·W'],
      provenance: ids(t.size, (f) => f % HW),
      caption
    });
    const refUnfold = (t: tf.Tensor, caption: string): TensorView => {
      const rows = t.shape[2] ?? 1;
      return {
        name: 'refsr_lv3_unfold',
        snap: snapshot(t),
        dims: ['B', 'Hr·Wr', 'C·3·3'],
        provenance: ids(t.size, (f) => REF + Math.floor(f / rows)),
        caption
      };
    };
    const R: TensorView = {
      name: 'R',
      snap: snapshot(off.R),
      dims: ['B', 'Hr·Wr', 'H·W'],
      provenance: ids(off.R.size, (f) => RCELL + f),
      linksOf: (f) => [RCELL + f, REF + Math.floor(f / HW), f % HW],
      caption: 'cosine of reference patch i (row) and LR patch j (column)'
    };
    const diffLv = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
    const diffs = [
      diffLv(off.T_lv3, post.T_lv3),
      diffLv(off.T_lv2, post.T_lv2),
      diffLv(off.T_lv1, post.T_lv1)
    ];
    const divisor = snapshot(post.divisorLv3).data;
    const dMin = Math.min(...divisor);
    const dMax = Math.max(...divisor);
    const meanScore = score.reduce((a, b) => a + b, 0) / HW;
    const f3 = (v: number) => v.toFixed(3);
    const bestJ = score.indexOf(Math.max(...score));

    const steps: Step[] = [
      {
        id: 'unfold',
        title: 'Unfold 3×3 patches',
        explain:
          `Both feature maps are unfolded with kernel 3, padding 1: every LR position becomes a column of C·9 = ${off.lrsrLv3Unfold.shape[1]} ` +
          `values (${HW} columns), every reference position a row (${hr * wr} rows, transposed by permute(0, 2, 1)).`,
        tensors: [
          lrsr,
          refsr,
          lrUnfold(off.lrsrLv3Unfold, 'F.unfold(lrsr_lv3, 3, padding=1)'),
          refUnfold(off.refsrLv3Unfold, 'F.unfold(refsr_lv3, 3, padding=1).permute(0, 2, 1)')
        ]
      },
      {
        id: 'normalize',
        title: 'L2-normalise each patch',
        explain:
          'F.normalize makes every patch a unit vector (dim=1 for the LR columns, dim=2 for the reference rows), so a dot product is a cosine in [−1, 1].',
        tensors: [
          lrUnfold(off.lrsrLv3Normed, 'after F.normalize(dim=1): unit columns'),
          refUnfold(off.refsrLv3Normed, 'after F.normalize(dim=2): unit rows')
        ]
      },
      {
        id: 'relevance',
        title: 'Relevance R = bmm',
        explain: `R = bmm(refsr_lv3_unfold, lrsr_lv3_unfold) is [B, Hr·Wr, H·W] = [1, ${hr * wr}, ${HW}]: the cosine of every reference patch with every LR patch. Hover a cell to see both positions.`,
        tensors: [R, lrsr, refsr]
      },
      {
        id: 'max',
        title: 'max over dim 1: score and index',
        explain:
          `torch.max(R, dim=1) keeps, for each LR position, the best reference patch: index (hard attention) and its cosine, score (soft attention S). ` +
          `Mean score ${f3(meanScore)}; the best match is LR position ${bestJ} ← reference patch ${index[bestJ]} at ${f3(score[bestJ])}.`,
        tensors: [
          R,
          perPosition('score', off.score, 'max of each column of R'),
          perPosition('index', off.index, 'argmax: the chosen reference patch'),
          lrImage('S', off.S, 1, 'score.view(B, 1, H, W)')
        ]
      },
      {
        id: 'gather',
        title: 'Gather the chosen patches (bis)',
        explain:
          'bis expands index to [B, C·k·k, H·W] and gathers along the block axis: column j of T_lv3_unfold is column index[j] of ref_lv3_unfold. The arrows below go from each chosen reference patch to the LR position that takes it.',
        tensors: [refLv3, perPosition('index', off.index, 'argmax: the chosen reference patch')]
      },
      {
        id: 'fold',
        title: 'Fold at three levels, ÷ 9 (official)',
        explain:
          'The same index picks patches at three scales: kernel 3/6/12, stride 1/2/4, padding 1/2/4, folded to H×W, 2H×2W and 4H×4W and divided by 9, as the official TTSR does. Hover an output pixel: the LR positions whose patches fold into it light up.',
        tensors: [
          lrImage('T_lv3', off.T_lv3, 1, 'fold(…, k=3, s=1, p=1) / 9'),
          lrImage('T_lv2', off.T_lv2, 2, 'fold(…, k=6, s=2, p=2) / 9', 6, 2, 2),
          lrImage('T_lv1', off.T_lv1, 4, 'fold(…, k=12, s=4, p=4) / 9', 12, 4, 4)
        ]
      },
      {
        id: 'divide',
        title: 'Official ÷ 9 against the post’s divisor',
        explain:
          `Official TTSR (researchmm/TTSR SearchTransfer.py) divides every level by 9. The post divides by fold(bis(unfold(ones))), here ${dMin} to ${dMax} at lv3; ` +
          `the two agree where the divisor is 9 and differ at the output border and wherever a chosen patch came from the reference's border (it contains padding), by up to ${f3(diffs[0])} (lv3), ${f3(diffs[1])} (lv2) and ${f3(diffs[2])} (lv1).`,
        tensors: [
          lrImage('T_lv3', off.T_lv3, 1, 'official: / 9'),
          lrImage('divisor_lv3', post.divisorLv3, 1, "the post's divisor: fold(bis(unfold(ones)))"),
          lrImage('T_lv3_post', post.T_lv3, 1, "the post's variant: / divisor_lv3"),
          lrImage(
            'T_lv3_diff',
            tf.sub(off.T_lv3, post.T_lv3),
            1,
            'official − post: 0 exactly where divisor_lv3 is 9'
          )
        ]
      }
    ];
    return {
      steps,
      index,
      score,
      lrLv3: Float32Array.from(inp.lrsrLv3.dataSync()),
      refLv3: Float32Array.from(inp.refLv3.dataSync()),
      tLv1: Float32Array.from(off.T_lv1.dataSync())
    };
  });
  return { ...out, listings: ttsrListings, h, w, hr, wr };
}

/**
 * Live numbers for the chapter's misconception notes: the errata's 3×4 case (random features,
 * reference the same size), official ÷ 9 against the post's folded-ones divisor, and the shapes a
 * drop-in swap of the return order would mix up.
 */
let factsMemo: Record<string, string> | null = null;
export function ttsrFacts(): Record<string, string> {
  if (factsMemo) return factsMemo;
  factsMemo = scoped(() => {
    const [H, W] = [3, 4];
    const r = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);
    const args = [
      r([1, 2, H, W], 1),
      r([1, 2, H, W], 2),
      r([1, 1, 4 * H, 4 * W], 3),
      r([1, 2, 2 * H, 2 * W], 4),
      r([1, 2, H, W], 5)
    ] as const;
    const off = searchTransfer(...args);
    const post = searchTransfer(...args, { divide: 'foldedOnes' });
    const divisors = [post.divisorLv3, post.divisorLv2, post.divisorLv1].flatMap((d) => [
      ...d.dataSync()
    ]);
    const diff = Math.max(
      ...(['T_lv3', 'T_lv2', 'T_lv1'] as const).map(
        (k) => tf.max(tf.abs(tf.sub(off[k], post[k]))).dataSync()[0]
      )
    );
    const count = fold(unfold(tf.ones([1, 1, H, W]), 3, { padding: 1 }), [H, W], 3, {
      padding: 1
    }).dataSync();
    return {
      divisorMin: String(Math.min(...divisors)),
      divisorMax: String(Math.max(...divisors)),
      maxDiff: diff.toFixed(2),
      countValues: [...new Set(count)].sort((a, b) => a - b).join(', '),
      lv3Shape: `[${off.T_lv3.shape.join(', ')}]`,
      lv1Shape: `[${off.T_lv1.shape.join(', ')}]`
    };
  });
  return factsMemo;
}
