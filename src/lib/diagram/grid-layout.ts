/**
 * Pure layout of a tensor snapshot as a grid of cells: two axes become rows and columns, the
 * remaining axes become facets (small multiples) that wrap across the available width.
 * Snapshot in, positioned cells out; no DOM, unit-tested.
 */
import type { GridSpec } from '$lib/trace/types';
import { size, strides } from '$lib/tensor/snapshot';
import { memo } from '$lib/memo';
import { gridMove, type GridKey } from './grid-keys';

export interface Cell {
  /** Flat (row-major) offset in the tensor. */
  flat: number;
  /** Full index in the tensor, one entry per dim. */
  index: number[];
  x: number;
  y: number;
  facet: number;
  row: number;
  col: number;
}
export interface Facet {
  /** Index along each facet axis. */
  at: number[];
  x: number;
  y: number;
  label: string;
}
export interface GridLayout {
  cells: Cell[];
  facets: Facet[];
  cell: number;
  rows: number;
  cols: number;
  width: number;
  height: number;
  /** How many facets exist and how many are drawn (large tensors draw a prefix). */
  facetCount: number;
  facetsDrawn: number;
}

export interface LayoutOptions {
  maxWidth?: number;
  cell?: number;
  gap?: number;
  labelHeight?: number;
  /** Cells drawn at most; beyond it whole facets are dropped from the end. */
  maxCells?: number;
}

/** Default axes: last two axes as rows × cols, except channels-last 4-D (B,H,W,C) → H × W per (B, C). */
export function defaultGrid(rank: number): GridSpec {
  if (rank <= 1) return { rows: null, cols: 0, facets: [] };
  if (rank === 2) return { rows: 0, cols: 1, facets: [] };
  if (rank === 3) return { rows: 1, cols: 2, facets: [0] };
  return { rows: rank - 3, cols: rank - 2, facets: [...range(rank - 3), rank - 1] };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

// A parameter change usually keeps every shape: handing back the same layout (same cell objects)
// lets the grid skip re-positioning its cells and update only values and colours.
const remembered = memo<GridLayout>(64);

/** Layouts are shared between callers (memoized): treat the result as immutable. */
export function gridLayout(
  shape: readonly number[],
  name: string,
  spec: GridSpec = defaultGrid(shape.length),
  opts: LayoutOptions = {}
): GridLayout {
  return remembered(JSON.stringify([shape, name, spec, opts]), () =>
    computeGridLayout(shape, name, spec, opts)
  );
}

function computeGridLayout(
  shape: readonly number[],
  name: string,
  spec: GridSpec,
  opts: LayoutOptions
): GridLayout {
  const { maxWidth = 880, gap = 10, labelHeight = 18, maxCells = 6144 } = opts;
  const rows = spec.rows === null ? 1 : shape[spec.rows];
  const cols = shape.length === 0 ? 1 : shape[spec.cols];
  const facetShape = spec.facets.map((a) => shape[a]);
  const facetCount = size(facetShape);
  const perFacet = rows * cols;
  const facetsDrawn = Math.max(
    1,
    Math.min(facetCount, Math.floor(maxCells / Math.max(perFacet, 1)))
  );
  const cell =
    opts.cell ??
    Math.max(
      6,
      Math.min(
        // Many cells get smaller cells, so a [B_, heads, N, N] map stays a screenful or two.
        perFacet * facetsDrawn <= 512 ? 34 : perFacet * facetsDrawn <= 2048 ? 22 : 16,
        Math.floor((maxWidth - gap) / Math.max(cols, 1)),
        Math.floor(560 / rows)
      )
    );
  // A slice is at least as wide as its label (11 px monospace ≈ 6.7 px a character), so labels
  // of narrow slices do not run into each other.
  const labelW = Math.ceil((name.length + 2 + 3 * shape.length) * 6.7);
  const facetW = Math.max(cols * cell, spec.facets.length ? labelW : 0);
  const facetH = rows * cell;
  const fitting = Math.max(1, Math.floor((maxWidth + gap) / (facetW + gap)));
  const wrap = Math.max(1, Math.min(spec.wrap ?? fitting, fitting, facetsDrawn));
  const st = strides(shape);
  const fst = strides(facetShape);

  const facets: Facet[] = [];
  const cells: Cell[] = [];
  for (let f = 0; f < facetsDrawn; f++) {
    const at = facetShape.map((d, i) => Math.floor(f / fst[i]) % d);
    const fx = (f % wrap) * (facetW + gap);
    const fy = Math.floor(f / wrap) * (facetH + gap + labelHeight) + labelHeight;
    const idxLabel = shape.map((_, axis) => {
      const k = spec.facets.indexOf(axis);
      return k >= 0 ? String(at[k]) : ':';
    });
    facets.push({ at, x: fx, y: fy, label: `${name}[${idxLabel.join(', ')}]` });
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const index = new Array<number>(shape.length).fill(0);
        spec.facets.forEach((axis, i) => (index[axis] = at[i]));
        if (spec.rows !== null) index[spec.rows] = r;
        if (shape.length > 0) index[spec.cols] = c;
        const flat = index.reduce((acc, v, i) => acc + v * st[i], 0);
        cells.push({ flat, index, x: fx + c * cell, y: fy + r * cell, facet: f, row: r, col: c });
      }
    }
  }
  const facetRows = Math.ceil(facetsDrawn / wrap);
  return {
    cells,
    facets,
    cell,
    rows,
    cols,
    width: wrap * facetW + (wrap - 1) * gap,
    height: facetRows * (facetH + labelHeight) + (facetRows - 1) * gap,
    facetCount,
    facetsDrawn
  };
}

/** Position of the next cell for a keyboard move inside the drawn grid (see grid-keys.ts; −1 if none). */
export function moveFocus(layout: GridLayout, from: number, key: string | GridKey): number {
  const shape = { count: layout.cells.length, rows: layout.rows, cols: layout.cols };
  return gridMove(shape, from, typeof key === 'string' ? { key } : key);
}
