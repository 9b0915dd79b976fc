/**
 * The tensors the /unfold-fold steps show, as views, and the hover links between them. Links come
 * from unfolding an index tensor of the padded input (provenance by iota), never from a formula:
 * ids 0..N−1 are padded pixels (N = C·Hp·Wp) and N + e is entry e of x_unfold.
 */
import * as tf from '@tensorflow/tfjs-core';
import { snapshot, unfold, type Snapshot } from '$lib/tensor';
import { iota, provenanceOf } from '$lib/trace/provenance';
import type { TensorView } from '$lib/trace/types';
import type { UnfoldFoldRun } from './restore';

/** Where patch `l` sits in the padded input (top-left corner, side k), read from provenance. */
export interface PatchBox {
  l: number;
  y: number;
  x: number;
}

const nchw = { rows: 2, cols: 3, facets: [0, 1] };

export interface UnfoldFoldViews {
  /** Padded size; N padded-pixel ids; x_unfold is `[1, rowsU = C·k·k, L]`. */
  Hp: number;
  Wp: number;
  N: number;
  rowsU: number;
  L: number;
  /** The padded-pixel id that entry e of x_unfold copies. */
  pid: Int32Array;
  /** Ids linked by patch `l` (its column and its pixels) and by offset row `r0`. */
  patchLinks: (l: number) => number[];
  offsetLinks: (r0: number) => number[];
  imageView: (name: string, t: tf.Tensor, caption?: string) => TensorView;
  unfoldView: (linksOf: (f: number) => number[], caption: string) => TensorView;
  paddedView: TensorView;
  countView: TensorView;
  count: Snapshot;
  patches: PatchBox[];
}

/** Views of the run `r` on `x [1, C, H, W]` with kernel k, padding pad; call inside a tidy scope. */
export function unfoldFoldViews(
  r: UnfoldFoldRun,
  g: { H: number; W: number; C: number; k: number; s: number; pad: number }
): UnfoldFoldViews {
  const { H, W, C, k, s, pad } = g;
  const Hp = H + 2 * pad;
  const Wp = W + 2 * pad;
  const plane = Hp * Wp;
  const N = C * plane; // ids 0..N−1 are padded pixels; N + e is entry e of x_unfold
  const pidOf = (c: number, y: number, x: number) => c * plane + (y + pad) * Wp + (x + pad);
  // Provenance: unfold the padded index tensor (padding 0) — the same windows as unfold(x, padding=p).
  const pid = provenanceOf(unfold(iota([1, C, Hp, Wp]), k, { stride: s, padding: 0 }));
  const [, rowsU, L] = r.xUnfold.shape;
  // Inverse: for every padded pixel, the x_unfold entries that copy it (and add back into it).
  const entriesOf: number[][] = Array.from({ length: N }, () => []);
  pid.forEach((id, e) => entriesOf[id].push(e));
  const pixelLinks = (id: number) => [id, ...entriesOf[id].map((e) => N + e)];
  const column = (l: number) => Array.from({ length: rowsU }, (_, r0) => r0 * L + l);
  const rowOf = (r0: number) => Array.from({ length: L }, (_, l) => r0 * L + l);
  const patchLinks = (l: number) => column(l).flatMap((e) => [N + e, pid[e]]);
  const offsetLinks = (r0: number) => rowOf(r0).flatMap((e) => [N + e, pid[e]]);

  const imageIds = Int32Array.from({ length: C * H * W }, (_, f) =>
    pidOf(Math.floor(f / (H * W)), Math.floor(f / W) % H, f % W)
  );
  const imageView = (name: string, t: tf.Tensor, caption?: string): TensorView => ({
    name,
    snap: snapshot(t),
    dims: ['B', 'C', 'H', 'W'],
    provenance: imageIds,
    linksOf: (f) => pixelLinks(imageIds[f]),
    grid: nchw,
    caption
  });
  const count = snapshot(r.overlapCount);
  const countIds = Int32Array.from({ length: H * W }, (_, f) => pidOf(0, Math.floor(f / W), f % W));
  const countView: TensorView = {
    name: 'overlap_count',
    snap: count,
    dims: ['B', 'C', 'H', 'W'],
    provenance: countIds,
    linksOf: (f) =>
      Array.from({ length: C }, (_, c) => pidOf(c, Math.floor(f / W), f % W)).flatMap(pixelLinks),
    grid: nchw,
    caption: 'fold(unfold(ones)): how many patches cover each pixel'
  };
  const paddedView: TensorView = {
    name: 'x_padded',
    snap: snapshot(r.xPadded),
    dims: ['B', 'C', 'H+2p', 'W+2p'],
    provenance: provenanceOf(iota([1, C, Hp, Wp])),
    linksOf: pixelLinks,
    grid: nchw,
    caption:
      pad > 0
        ? `Zero padding of ${pad} on every side (not stored by unfold, only read as 0)`
        : 'padding=0: the input itself'
  };
  const unfoldIds = Int32Array.from({ length: rowsU * L }, (_, e) => N + e);
  const unfoldView = (linksOf: (f: number) => number[], caption: string): TensorView => ({
    name: 'x_unfold',
    snap: snapshot(r.xUnfold),
    dims: ['B', 'C·k·k', 'L'],
    provenance: unfoldIds,
    linksOf,
    caption
  });
  // Patch boxes from provenance: the top-left padded pixel of each column.
  const patches: PatchBox[] = Array.from({ length: L }, (_, l) => ({
    l,
    y: Math.floor(pid[l] / Wp) % Hp,
    x: pid[l] % Wp
  }));
  return {
    Hp,
    Wp,
    N,
    rowsU,
    L,
    pid,
    patchLinks,
    offsetLinks,
    imageView,
    unfoldView,
    paddedView,
    countView,
    count,
    patches
  };
}
