/**
 * What each tensor of /patch-merging looks like on screen and what it links to. Ids: x's own flat
 * indices (provenance by iota), then one id per PatchEmbed token, then one per merged token, so a
 * token lights its patch (or its 2×2 neighbourhood) and a pixel lights its tokens.
 */
import { snapshot } from '$lib/tensor';
import type { TensorView } from '$lib/trace/types';
import type { PatchMergingFirstStep, PatchMergingParams, PatchMergingRun } from './run';

/** Ids of PatchEmbed's tokens and of the merged tokens, after x's own flat indices. */
function tokenIdsOf(p: PatchMergingParams) {
  const { B, H, W, C, patch_size: ps } = p;
  const L = (H / ps) * (W / ps);
  const Lm = (H / 2) * (W / 2);
  const N = B * H * W * C;
  return {
    L,
    Lm,
    embedId: (b: number, l: number) => N + b * L + l,
    mergedId: (b: number, l: number) => N + B * L + b * Lm + l
  };
}

const rowIds = (ids: Int32Array, row: number, width: number) =>
  Array.from(ids.subarray(row * width, (row + 1) * width));

const tokenIds = (B: number, count: number, width: number, id: (b: number, l: number) => number) =>
  Int32Array.from({ length: B * count * width }, (_, f) => {
    const t = Math.floor(f / width);
    return id(Math.floor(t / count), t % count);
  });

/** x and PatchEmbed's tokens: the first step's views, all a preview draws (trace.ts). */
export function firstStepViews(
  p: PatchMergingParams,
  r: Pick<PatchMergingFirstStep, 'x' | 'embed' | 'ids'>
) {
  const { B, H, W, C, patch_size: ps, embed_dim: E } = p;
  const w = W / 2;
  const { L, embedId, mergedId } = tokenIdsOf(p);

  /** x [B, H, W, C]: a pixel lights itself everywhere, its PatchEmbed token and its merged token. */
  const xSnap = snapshot(r.x);
  const x = (every: number): TensorView => ({
    name: 'x',
    snap: xSnap,
    dims: ['B', 'H', 'W', 'C'],
    guides: { every },
    linksOf: (f) => {
      const b = Math.floor(f / (H * W * C));
      const y = Math.floor(f / (W * C)) % H;
      const xx = Math.floor(f / C) % W;
      const l = Math.floor(y / ps) * (W / ps) + Math.floor(xx / ps);
      const m = Math.floor(y / 2) * w + Math.floor(xx / 2);
      return [f, embedId(b, l), mergedId(b, m)];
    }
  });

  const tokensProvenance = tokenIds(B, L, E, embedId);
  const tokens: TensorView = {
    name: 'tokens',
    snap: snapshot(r.embed.out),
    dims: ['B', 'L', 'embed_dim'],
    provenance: tokensProvenance,
    linksOf: (f) => {
      const t = Math.floor(f / E);
      return [tokensProvenance[f], ...rowIds(r.ids.patch, t, ps * ps * C)];
    },
    caption: `PatchEmbed output: ${L} tokens (patches in raster order) of embed_dim = ${E}`
  };
  return { x, tokens };
}

export function patchMergingViews(p: PatchMergingParams, r: PatchMergingRun) {
  const { B, C } = p;
  const { L, Lm, mergedId } = tokenIdsOf(p);
  const { x, tokens } = firstStepViews(p, r);
  const mergedProvenance = tokenIds(B, Lm, 2 * C, mergedId);

  const slices = [r.merge.x0, r.merge.x1, r.merge.x2, r.merge.x3].map((t, q): TensorView => ({
    name: `x${q}`,
    snap: snapshot(t),
    dims: ['B', 'H/2', 'W/2', 'C'],
    provenance: r.ids.slices[q]
  }));

  const xCat: TensorView = {
    name: 'x_cat',
    snap: snapshot(r.xCat),
    dims: ['B', 'H/2', 'W/2', '4C'],
    provenance: r.ids.cat,
    // One row of slices per block: x0's C channels, then x1's, x2's, x3's.
    grid: { rows: 1, cols: 2, facets: [0, 3], wrap: C },
    caption: 'channels k = q·C + c: block q = 0..3 is x0, x1, x2, x3'
  };

  const xMerged: TensorView = {
    name: 'x_merged',
    snap: snapshot(r.merge.out),
    dims: ['B', 'H/2·W/2', '2C'],
    provenance: mergedProvenance,
    linksOf: (f) => {
      const t = Math.floor(f / (2 * C));
      return [mergedProvenance[f], ...rowIds(r.ids.cat, t, 4 * C)];
    },
    caption: 'reduction(norm(x_cat)): each token mixes its whole 2×2 neighbourhood'
  };

  const xUnshuffled: TensorView = {
    name: 'x_unshuffled',
    snap: snapshot(r.unshuffled),
    dims: ['B', '4C', 'H/2', 'W/2'],
    provenance: r.ids.unshuffled,
    // One row of slices per input channel c: its offsets (0,0), (0,1), (1,0), (1,1).
    grid: { rows: 2, cols: 3, facets: [0, 1], wrap: 4 },
    caption: 'channels c·4 + i·2 + j: channel c of x at offset (i, j)'
  };

  const xShuffled: TensorView = {
    name: 'x_shuffled',
    snap: snapshot(r.shuffled),
    dims: ['B', 'C', 'H', 'W'],
    provenance: r.ids.shuffled,
    grid: { rows: 2, cols: 3, facets: [0, 1] },
    guides: { every: 2 },
    caption: 'pixel_shuffle(x_unshuffled, 2) = x.permute(0, 3, 1, 2)'
  };

  return { x, tokens, slices, xCat, xMerged, xUnshuffled, xShuffled, L, Lm };
}
