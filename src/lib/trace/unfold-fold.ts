/**
 * The /unfold-fold trace: pad → unfold (columns are patches, rows are offsets) → fold (overlaps
 * add up) → overlap count fold(unfold(ones)) → divide by the count, or by a constant.
 * Runs the tensor core's `unfold`/`fold` on a seeded input; hover links come from running the same
 * `unfold` on an index tensor of the padded input (provenance by iota), never from a formula.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fold, snapshot, unfold } from '$lib/tensor';
import foldSource from '$lib/tensor/fold.ts?raw';
import selfSource from './unfold-fold.ts?raw';
import pySource from '../../../scripts/chapters/unfold_fold.py?raw';
import { listing } from './listing';
import { iota, provenanceOf } from './provenance';
import { scoped } from './scoped';
import type { Step, Trace, TensorView } from './types';

export interface UnfoldFoldParams {
  H: number;
  W: number;
  C: number;
  kernel_size: number;
  stride: number;
  padding: number;
  seed: number;
}

/** Where patch `l` sits in the padded input (top-left corner, side k), read from provenance. */
export interface PatchBox {
  l: number;
  y: number;
  x: number;
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
  listing('TensorFlow.js (runs this page)', 'typescript', selfSource, ['unfoldFoldRestore'])
];
export const foldListing = listing(
  'TensorFlow.js: unfold / fold (tensor core)',
  'typescript',
  foldSource,
  ['unfold', 'fold']
);

/** Everything the page shows, computed with the tensor core's unfold/fold on `x [B, C, H, W]`. */
export function unfoldFoldRestore(x: tf.Tensor, k: number, s: number, p: number) {
  const [, , H, W] = x.shape;
  const opts = { stride: s, padding: p };
  const pads = [0, 0, p, p].map((v) => [v, v] as [number, number]);
  const xPadded = tf.pad(x, pads); // @step pad
  const xUnfold = unfold(x, k, opts); // [B, C·k·k, L] // @step unfold_cols unfold_rows
  const xFold = fold(xUnfold, [H, W], k, opts); // overlaps are summed // @step fold
  const ones = tf.ones([1, 1, H, W]); // @step count
  const overlapCount = fold(unfold(ones, k, opts), [H, W], k, opts); // @step count
  // Uncovered pixels: x_fold is 0 and the count is 0; 0/0 would be NaN. Divide by max(count, 1).
  const xRestored = tf.div(xFold, tf.maximum(overlapCount, 1)); // @step divide
  const xDivConst = tf.div(xFold, (k / s) ** 2); // the post's "/ (3.*3.)" // @step divide
  const errorConst = tf.sub(xDivConst, x); // @step divide
  return { xPadded, xUnfold, xFold, overlapCount, xRestored, xDivConst, errorConst };
}

const nchw = { rows: 2, cols: 3, facets: [0, 1] };

/** Rows, columns and the count of pixels no patch covers, from the overlap count `[H, W]`. */
export function uncovered(count: ArrayLike<number>, H: number, W: number) {
  const rows: number[] = [];
  const cols: number[] = [];
  let n = 0;
  for (let i = 0; i < H * W; i++) if (count[i] === 0) n++;
  for (let y = 0; y < H; y++) {
    let all = true;
    for (let x = 0; x < W; x++) all &&= count[y * W + x] === 0;
    if (all) rows.push(y);
  }
  for (let x = 0; x < W; x++) {
    let all = true;
    for (let y = 0; y < H; y++) all &&= count[y * W + x] === 0;
    if (all) cols.push(x);
  }
  return { n, rows, cols };
}

const list = (xs: number[]) =>
  xs.length === 1 ? String(xs[0]) : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;

/** A sentence on the uncovered pixels, or '' when every pixel is in some patch. */
export function uncoveredSentence(
  u: ReturnType<typeof uncovered>,
  p: UnfoldFoldParams,
  outH: number,
  outW: number
): string {
  if (u.n === 0) return '';
  const parts: string[] = [];
  if (u.rows.length) parts.push(`row${u.rows.length > 1 ? 's' : ''} ${list(u.rows)}`);
  if (u.cols.length) parts.push(`column${u.cols.length > 1 ? 's' : ''} ${list(u.cols)}`);
  const where = parts.length ? ` (all of ${parts.join(' and ')})` : '';
  const lastY = (outH - 1) * p.stride + p.kernel_size - 1 - p.padding;
  const lastX = (outW - 1) * p.stride + p.kernel_size - 1 - p.padding;
  const why: string[] = [];
  if (lastY < p.H - 1) why.push(`the lowest of the ${outH} patch rows ends at image row ${lastY}`);
  if (lastX < p.W - 1)
    why.push(`the rightmost of the ${outW} patch columns ends at image column ${lastX}`);
  if (p.stride > p.kernel_size)
    why.push(`stride ${p.stride} > kernel_size ${p.kernel_size} leaves gaps between patches`);
  return (
    `${u.n} pixel${u.n > 1 ? 's are' : ' is'} covered by no patch${where}: ${why.join('; ')}` +
    '. There x_fold is 0 and overlap_count is 0, so dividing is 0/0 (NaN in PyTorch); ' +
    'the page divides by max(count, 1) and gets 0: those pixels are lost, not restored.'
  );
}

export function traceUnfoldFold(p: UnfoldFoldParams): UnfoldFoldTrace {
  const { H, W, C, kernel_size: k, stride: s, padding: pad } = p;
  const Hp = H + 2 * pad;
  const Wp = W + 2 * pad;
  const plane = Hp * Wp;
  const N = C * plane; // ids 0..N−1 are padded pixels; N + e is entry e of x_unfold
  const pidOf = (c: number, y: number, x: number) => c * plane + (y + pad) * Wp + (x + pad);

  const out = scoped(() => {
    const x = tf.randomNormal([1, C, H, W], 0, 1, 'float32', p.seed);
    const r = unfoldFoldRestore(x, k, s, pad);
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
    const countIds = Int32Array.from({ length: H * W }, (_, f) =>
      pidOf(0, Math.floor(f / W), f % W)
    );
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
    const outH = new Set(patches.map((b) => b.y)).size;
    const outW = L / outH;
    const u = uncovered(count.data, H, W);
    const gap = uncoveredSentence(u, p, outH, outW);
    const maxCount = Math.max(...count.data);
    const constant = (k / s) ** 2;
    const errData = snapshot(r.errorConst).data;
    let maxErr = 0;
    let maxErrCovered = 0;
    const restored = snapshot(r.xRestored).data;
    const xData = snapshot(x).data;
    for (let i = 0; i < errData.length; i++) maxErr = Math.max(maxErr, Math.abs(errData[i]));
    for (let i = 0; i < restored.length; i++) {
      if (count.data[i % (H * W)] > 0)
        maxErrCovered = Math.max(maxErrCovered, Math.abs(restored[i] - xData[i]));
    }
    const fmt = (v: number) => (v === 0 ? '0' : v < 1e-3 ? v.toExponential(1) : v.toFixed(3));

    const steps: Step[] = [
      {
        id: 'pad',
        title: 'Padded input and its patches',
        explain:
          `unfold first pads x by ${pad} on every side (${H}×${W} → ${Hp}×${Wp}) and slides a ` +
          `${k}×${k} window by ${s}: ${outH} positions down × ${outW} across = L = ${L} patches. ` +
          'Move the patch slider or hover a cell to see which patches read it.',
        tensors: [imageView('x', x), paddedView]
      },
      {
        id: 'unfold_cols',
        title: 'unfold: a column is a patch',
        explain:
          `F.unfold copies each patch into one column: x_unfold is [1, C·k·k, L] = [1, ${rowsU}, ${L}]. ` +
          'Column l = oy·OW + ox is the patch at (oy, ox). Hover any cell to see its whole column and that patch in x_padded.',
        tensors: [
          paddedView,
          unfoldView((f) => patchLinks(f % L), 'hover: the column and its patch')
        ]
      },
      {
        id: 'unfold_rows',
        title: 'unfold: a row is one offset',
        explain:
          `Row c·k·k + ky·k + kx holds offset (ky, kx) of channel c in every patch: rows 0–${k * k - 1} are channel 0` +
          (C > 1 ? `, rows ${k * k}–${2 * k * k - 1} channel 1 (channel-major)` : '') +
          '. Hover any cell to see its row and that pixel of every patch.',
        tensors: [
          paddedView,
          unfoldView(
            (f) => offsetLinks(Math.floor(f / L)),
            'hover: the row and that offset in every patch'
          )
        ]
      },
      {
        id: 'fold',
        title: 'fold: overlaps are summed',
        explain:
          'F.fold puts every column back where its patch came from and adds entries that land on the same pixel ' +
          '(entries that land in the padding are dropped). Hover an output pixel to see every column entry that adds into it.',
        tensors: [
          unfoldView((f) => [N + f, pid[f]], 'hover: the pixel this entry adds into'),
          imageView('x_fold', r.xFold, `x_fold = overlap_count ⊙ x: up to ${maxCount}× the input`)
        ]
      },
      {
        id: 'count',
        title: 'Overlap count fold(unfold(ones))',
        explain:
          `Folding the unfolded ones counts the patches over each pixel: here from ${Math.min(...count.data)} to ${maxCount}. ` +
          (gap || 'Every pixel is covered at least once.'),
        tensors: [countView, imageView('x_fold', r.xFold)]
      },
      {
        id: 'divide',
        title: 'Divide: by the count, or by a constant',
        explain:
          `x_fold / overlap_count restores x: max |x_restored − x| over covered pixels = ${fmt(maxErrCovered)}. ` +
          `Dividing by the constant (kernel_size/stride)² = ${Number(constant.toFixed(3))} is right only where the count equals it; ` +
          `elsewhere error_const = x_div_const − x reaches ${fmt(maxErr)}. ` +
          (gap ? gap : ''),
        tensors: [
          imageView('x', x),
          imageView('x_restored', r.xRestored, 'x_fold / max(overlap_count, 1)'),
          imageView('x_div_const', r.xDivConst, `x_fold / ${Number(constant.toFixed(3))}`),
          imageView(
            'error_const',
            r.errorConst,
            'x_div_const − x (0 only where the count is the constant)'
          )
        ]
      }
    ];
    return {
      steps,
      geometry: { Hp, Wp, k, patches, padding: pad },
      patchLinks
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

/**
 * Live numbers for the chapter's "common misconception" notes, on the post's own setup:
 * `x = rand(1, 3, 100, 100)`, kernel 6, stride 2, padding 2, then `fold / 9` and `fold / fold(unfold(ones))`.
 * Returned as display strings keyed by fact name; computed once per page.
 */
let factsMemo: Record<string, string> | null = null;
export function unfoldFoldFacts(): Record<string, string> {
  if (factsMemo) return factsMemo;
  factsMemo = scoped(() => {
    const [k, s, p, H, W] = [6, 2, 2, 100, 100];
    const x = tf.randomUniform([1, 3, H, W], 0, 1, 'float32', 4);
    const r = unfoldFoldRestore(x, k, s, p);
    const div9 = tf.div(r.xFold, 9);
    const region = (t: tf.Tensor) => tf.slice(t, [0, 0, 30, 30], [1, 3, 10, 10]);
    const equal = tf.sum(tf.cast(tf.equal(region(x), region(div9)), 'int32')).dataSync()[0];
    const maxDiff = tf.max(tf.abs(tf.sub(region(x), region(div9)))).dataSync()[0];
    const count = r.overlapCount.dataSync();
    const regionCounts = new Set<number>();
    const borderCounts = new Set<number>();
    for (let y = 0; y < H; y++)
      for (let xx = 0; xx < W; xx++) {
        const c = count[y * W + xx];
        if (y >= 30 && y < 40 && xx >= 30 && xx < 40) regionCounts.add(c);
        if (y < 2 || xx < 2 || y >= H - 2 || xx >= W - 2) borderCounts.add(c);
      }
    const mean = (t: tf.Tensor) => tf.mean(t).dataSync()[0].toFixed(4);
    const exact = tf.max(tf.abs(tf.sub(r.xRestored, x))).dataSync()[0];
    // Channel-major rows: unfold a 2-channel index image and read which channel rows 8 and 9 copy.
    const twoC = provenanceOf(unfold(iota([1, 2, 3, 3]), 3, { padding: 1 }));
    const L = 9;
    const centre = 4; // the middle patch sees no padding
    const channelOfRow = (row: number) => Math.floor(twoC[row * L + centre] / 9);
    const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b).join(' or ');
    // The chapter's two worked examples, on the sizes the prose names.
    const small = fold(unfold(tf.ones([1, 1, 8, 12]), 3, { padding: 1 }), [8, 12], 3, {
      padding: 1
    }).dataSync();
    const gapCount = fold(unfold(tf.ones([1, 1, 8, 5]), 5, { stride: 3, padding: 1 }), [8, 5], 5, {
      stride: 3,
      padding: 1
    }).dataSync();
    const gapRows = uncovered(gapCount, 8, 5).rows;
    return {
      k3Corner: String(small[0]),
      k3Edge: String(small[1]),
      k3Inside: String(small[12 + 1]),
      gapRows: gapRows.join(', '),
      xShape: `[${x.shape.join(', ')}]`,
      xUnfoldShape: `[${r.xUnfold.shape.join(', ')}]`,
      xFoldShape: `[${r.xFold.shape.join(', ')}]`,
      regionCount: sorted(regionCounts),
      regionEqual: String(equal),
      regionSize: String(3 * 10 * 10),
      regionMaxDiff: maxDiff.toExponential(1),
      borderCount: sorted(new Set([...borderCounts].filter((c) => c !== 9))),
      countMin: String(Math.min(...count)),
      countMax: String(Math.max(...count)),
      meanX: mean(x),
      meanDiv9: mean(div9),
      meanRestored: mean(r.xRestored),
      restoredMaxDiff: exact.toExponential(1),
      row8Channel: String(channelOfRow(8)),
      row9Channel: String(channelOfRow(9))
    };
  });
  return factsMemo;
}
