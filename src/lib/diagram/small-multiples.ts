/**
 * Pure layout of a 3-D snapshot `[F, R, C]` as small multiples: one R×C grid per facet, facets
 * wrapped `wrap` per row (e.g. the window grid nh × nw, so facet f sits where window f sits on the
 * map). Snapshot shape in, positioned facets and cells out; no DOM, unit-tested.
 */
import { memo } from '$lib/memo';

export interface SmallCell {
  /** Flat (row-major) offset in the tensor, and its full index [f, r, c]. */
  flat: number;
  index: [number, number, number];
  x: number;
  y: number;
}
export interface SmallFacet {
  f: number;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface SmallMultiplesLayout {
  facets: SmallFacet[];
  cells: SmallCell[];
  cell: number;
  width: number;
  height: number;
  /** How many facets exist and how many are drawn (the rest are computed, not drawn). */
  facetCount: number;
  facetsDrawn: number;
}
export interface SmallMultiplesOptions {
  wrap?: number;
  maxWidth?: number;
  gap?: number;
  labelHeight?: number;
  maxCells?: number;
}

// Same shape, same layout object (see grid-layout.ts): only values change on most updates.
const remembered = memo<SmallMultiplesLayout>(16);

/** Layouts are shared between callers (memoized): treat the result as immutable. */
export function smallMultiplesLayout(
  shape: readonly number[],
  opts: SmallMultiplesOptions = {}
): SmallMultiplesLayout {
  return remembered(JSON.stringify([shape, opts]), () => computeLayout(shape, opts));
}

/** Room around the facets for their frames (drawn 2 px out, 4 px wide when picked). */
export const FRAME = 4;

function computeLayout(
  shape: readonly number[],
  opts: SmallMultiplesOptions
): SmallMultiplesLayout {
  if (shape.length !== 3)
    throw new Error(`small multiples need a 3-D [F, R, C] shape, got [${shape.join(', ')}]`);
  const [F, R, C] = shape;
  const { maxWidth = 880, gap = 12, labelHeight = 16, maxCells = 8192 } = opts;
  const facetsDrawn = Math.max(1, Math.min(F, Math.floor(maxCells / Math.max(R * C, 1))));
  const wrap = Math.max(1, Math.min(opts.wrap ?? facetsDrawn, facetsDrawn));
  // As large as fits the width, between 2 and 12 px: the point is the pattern, not the numbers.
  const cell = Math.max(
    2,
    Math.min(12, Math.floor((maxWidth - 2 * FRAME - (wrap - 1) * gap) / (wrap * C)))
  );
  const w = C * cell;
  const h = R * cell;
  const facets: SmallFacet[] = [];
  const cells: SmallCell[] = [];
  for (let f = 0; f < facetsDrawn; f++) {
    const x = FRAME + (f % wrap) * (w + gap);
    const y = Math.floor(f / wrap) * (h + gap + labelHeight) + labelHeight;
    facets.push({ f, x, y, w, h });
    for (let r = 0; r < R; r++)
      for (let c = 0; c < C; c++)
        cells.push({
          flat: (f * R + r) * C + c,
          index: [f, r, c],
          x: x + c * cell,
          y: y + r * cell
        });
  }
  const rows = Math.ceil(facetsDrawn / wrap);
  return {
    facets,
    cells,
    cell,
    width: 2 * FRAME + wrap * w + (wrap - 1) * gap,
    height: rows * (h + labelHeight) + (rows - 1) * gap + FRAME,
    facetCount: F,
    facetsDrawn
  };
}

/** Facets whose values are all equal to `value` (e.g. windows whose mask is all 0). */
export function uniformFacets(
  data: ArrayLike<number>,
  shape: readonly number[],
  value = 0
): number[] {
  const per = shape[1] * shape[2];
  const out: number[] = [];
  for (let f = 0; f < shape[0]; f++) {
    let all = true;
    for (let i = f * per; i < (f + 1) * per && all; i++) all = data[i] === value;
    if (all) out.push(f);
  }
  return out;
}
