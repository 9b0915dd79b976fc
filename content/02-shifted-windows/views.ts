/**
 * The tensors the /shifted-windows steps show, as views. Hover links come from the same roll and
 * window_partition run on pixel numbers (provenance by iota), never from a formula.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  roll,
  snapshot,
  windowPartition,
  type ShiftedWindowMask,
  type Snapshot,
  type WindowAttentionResult
} from '$lib/tensor';
import { iota, provenanceOf } from '$lib/trace/provenance';
import type { TensorView } from '$lib/trace/types';

/** One SW-MSA run as `swMsa` returns it: `[1, H, W, C]` maps, the mask, every attention intermediate. */
export type SwMsaRun = ShiftedWindowMask & {
  shiftedX: tf.Tensor;
  attention: WindowAttentionResult;
  shiftedOut: tf.Tensor;
  out: tf.Tensor;
};

/** Sizes of one trace: map H×W×C, window ws (N = ws² tokens, nW windows), shift s, picked window w. */
export interface WindowGeometry {
  H: number;
  W: number;
  C: number;
  ws: number;
  s: number;
  N: number;
  nW: number;
  w: number;
}

export interface ShiftedWindowsViews {
  xView: TensorView;
  shiftedView: TensorView;
  maskView: TensorView;
  windowsView: TensorView;
  /** attn_mask [nW, N, N] for the small multiples, linked like the N×N views. */
  masks: TensorView;
  /** Window w of an `[nW, N, N]` tensor as an N×N view: cell (i, j) links query i and key j. */
  pickedNN: (t: tf.Tensor, name: string, caption: string, masked?: boolean) => TensorView;
  imgMask: Snapshot;
  maskSnap: Snapshot;
  /** The region labels of window w's tokens. */
  pickedLabels: number[];
  /** Windows whose mask is all 0 (one region only). */
  unmaskedWindows: number[];
  /** Pixel number per element of shifted_x `[1, H, W, C]`. */
  shiftedProv: Int32Array;
}

const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);

/** Runs of equal values in `bands` (one per row), as "rows 0–5 → band 0". */
function bandRuns(bands: number[], what: string): string[] {
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= bands.length; i++) {
    if (i < bands.length && bands[i] === bands[start]) continue;
    runs.push(`${what}${i - 1 > start ? 's' : ''} ${range(start, i - 1)} → band ${bands[start]}`);
    start = i;
  }
  return runs;
}

/**
 * Views of `x [1, H, W, C]` and of the run `r` up to the mask (all a preview before the attention
 * steps computes); call inside a tidy scope.
 */
export function shiftedWindowsViews(
  x: tf.Tensor4D,
  r: Pick<SwMsaRun, 'shiftedX' | 'imgMask' | 'windowLabels' | 'attnMask'>,
  g: WindowGeometry
): ShiftedWindowsViews {
  const { H, W, C, ws, s, N, nW, w } = g;
  // Provenance: the same roll and partition applied to pixel numbers.
  const pix = iota([1, H, W, 1]);
  const pixRolled = roll(pix, [-s, -s], [1, 2]);
  // Every channel of a pixel carries the pixel's number, so hovering one channel lights them all.
  const xProv = provenanceOf(tf.tile(pix, [1, 1, 1, C]));
  const shiftedProv = provenanceOf(tf.tile(pixRolled, [1, 1, 1, C]));
  const maskProv = provenanceOf(pixRolled);
  const winProv = provenanceOf(tf.reshape(windowPartition(pixRolled, ws), [nW, N]));
  const pair = (flat: number) => [
    winProv[w * N + Math.floor(flat / N)],
    winProv[w * N + (flat % N)]
  ];
  const rowsOf = (base: number) =>
    Int32Array.from({ length: N * N }, (_, f) => winProv[base + Math.floor(f / N)]);

  // `masked`: the pairs attn_mask blocks in window w are hatched (logits and weights).
  const pickedNN = (t: tf.Tensor, name: string, caption: string, masked = false): TensorView => ({
    name,
    snap: snapshot(tf.reshape(tf.slice(t, [w, 0, 0], [1, N, N]), [N, N])),
    dims: ['N (query i)', 'N (key j)'],
    provenance: rowsOf(w * N),
    linksOf: pair,
    caption,
    ...(masked && { masked: maskOf(maskSnap.data.subarray(w * N * N, (w + 1) * N * N)) })
  });

  const xView: TensorView = {
    name: 'x',
    snap: snapshot(x),
    dims: ['B', 'H', 'W', 'C'],
    provenance: xProv,
    guides: { every: ws }
  };
  const shiftedView: TensorView = {
    name: 'shifted_x',
    snap: snapshot(r.shiftedX),
    dims: ['B', 'H', 'W', 'C'],
    provenance: shiftedProv,
    guides: { every: ws },
    caption: `torch.roll(x, shifts=(${-s}, ${-s}), dims=(1, 2))`
  };
  const imgMask = snapshot(r.imgMask);
  const rowBands = Array.from({ length: H }, (_, y) => Math.floor(imgMask.data[y * W] / 3));
  const colBands = Array.from({ length: W }, (_, x) => imgMask.data[x] % 3);
  const maskView: TensorView = {
    name: 'img_mask',
    snap: imgMask,
    dims: ['1', 'H', 'W', '1'],
    provenance: maskProv,
    guides: { every: ws },
    caption: `${bandRuns(rowBands, 'row').join(', ')}; ${bandRuns(colBands, 'column').join(', ')}`
  };
  const windowsSnap = snapshot(r.windowLabels);
  const pickedLabels = Array.from(windowsSnap.data.slice(w * N, (w + 1) * N));
  const windowsView: TensorView = {
    name: 'mask_windows',
    snap: windowsSnap,
    dims: ['nW', 'N'],
    provenance: winProv,
    caption: `window ${w}: [${pickedLabels.join(', ')}]`
  };
  const maskSnap = snapshot(r.attnMask);
  const unmaskedWindows = Array.from({ length: nW }, (_, i) => i).filter((i) =>
    maskSnap.data.slice(i * N * N, (i + 1) * N * N).every((v) => v === 0)
  );
  const masks: TensorView = {
    name: 'attn_mask',
    snap: maskSnap,
    dims: ['nW', 'N', 'N'],
    provenance: Int32Array.from({ length: nW * N * N }, (_, f) => winProv[Math.floor(f / N)]),
    linksOf: (f) => [winProv[Math.floor(f / N)], winProv[Math.floor(f / (N * N)) * N + (f % N)]],
    masked: maskOf(maskSnap.data)
  };
  return {
    xView,
    shiftedView,
    maskView,
    windowsView,
    masks,
    pickedNN,
    imgMask,
    maskSnap,
    pickedLabels,
    unmaskedWindows,
    shiftedProv
  };
}

/** 1 where attn_mask blocks a pair (its −100s), for the views' `masked`. */
function maskOf(mask: ArrayLike<number>): Uint8Array {
  return Uint8Array.from({ length: mask.length }, (_, i) => (mask[i] !== 0 ? 1 : 0));
}
