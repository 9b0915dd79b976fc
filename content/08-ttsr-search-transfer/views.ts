/**
 * How /ttsr-search-transfer draws its tensors and links them. Link ids: LR position j → j;
 * reference position i → REF + i; R entry f → RCELL + f. Which LR positions fold into an output
 * pixel comes from unfolding an index image (provenance by iota); the chosen patch, from `index`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { snapshot, unfold } from '$lib/tensor';
import { iota, provenanceOf } from '$lib/trace/provenance';
import type { TensorView } from '$lib/trace/types';
import { RCELL, REF } from './link-ids';

export { RCELL, REF };

/** Grid sizes at lv3: the LR is h×w positions, the reference hr×wr. */
export interface TtsrGrid {
  h: number;
  w: number;
  hr: number;
  wr: number;
}

export interface TtsrViews {
  /** An LR-side image `[1, C, fct·h, fct·w]` folded with (k, s, p): a pixel links the LR positions whose patches fold into it. */
  lrImage: (
    name: string,
    t: tf.Tensor,
    fct: number,
    caption?: string,
    k?: number,
    s?: number,
    p?: number
  ) => TensorView;
  /** A reference-side image `[1, C, fct·hr, fct·wr]`. */
  refImage: (name: string, t: tf.Tensor, fct: number, caption?: string) => TensorView;
  /** One value per LR position, `[B, H·W]`: links the position, its chosen patch and that R entry. */
  perPosition: (name: string, t: tf.Tensor, caption: string) => TensorView;
  /** `[B, C·3·3, H·W]`: a column per LR position. */
  lrUnfold: (t: tf.Tensor, caption: string) => TensorView;
  /** `[B, Hr·Wr, C·3·3]`: a row per reference position. */
  refUnfold: (t: tf.Tensor, caption: string) => TensorView;
  /** `[B, Hr·Wr, H·W]` relevance: a cell links its reference and LR positions. */
  relevance: (R: tf.Tensor) => TensorView;
}

/** View builders for grids `g` and the chosen reference patch `index[j]` of every LR position j. */
export function ttsrViews(g: TtsrGrid, index: Int32Array): TtsrViews {
  const { w, wr } = g;
  const HW = g.h * w;
  const lrIds = (f: number, H: number, W: number, fct: number) =>
    Math.floor((f % (H * W)) / W / fct) * w + Math.floor((f % W) / fct);
  const refIds = (f: number, H: number, W: number, fct: number) =>
    REF + Math.floor((f % (H * W)) / W / fct) * wr + Math.floor((f % W) / fct);
  const ids = (n: number, fn: (f: number) => number) =>
    Int32Array.from({ length: n }, (_, f) => fn(f));
  const best = (j: number) => [j, REF + index[j], RCELL + index[j] * HW + j];
  const nchw = { rows: 2, cols: 3, facets: [0, 1] };

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
  const relevance = (R: tf.Tensor): TensorView => ({
    name: 'R',
    snap: snapshot(R),
    dims: ['B', 'Hr·Wr', 'H·W'],
    provenance: ids(R.size, (f) => RCELL + f),
    linksOf: (f) => [RCELL + f, REF + Math.floor(f / HW), f % HW],
    caption: 'cosine of reference patch i (row) and LR patch j (column)'
  });
  return { lrImage, refImage, perPosition, lrUnfold, refUnfold, relevance };
}
