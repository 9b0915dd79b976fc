/**
 * The /shifted-windows trace: roll → region labels → window_partition of the labels → broadcast
 * difference → masked_fill(−100) → masked softmax → roll back, each run by the real ops on the page's
 * map (and on an index map for provenance), plus the live checks the prose relies on.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  MASK_VALUE,
  effectiveWindow,
  roll,
  shiftedWindowMask,
  snapshot,
  windowAttention,
  windowPartition,
  windowReverse,
  type WindowAttentionParams
} from '$lib/tensor';
import shiftSource from '$lib/tensor/shift.ts?raw';
import traceSource from './shifted-windows.ts?raw';
import pySource from '../../../scripts/golden/shifted_windows.py?raw';
import { pickedWindow } from '$lib/params/shifted-windows';
import { listing, type Listing } from './listing';
import { iota, provenanceOf } from './provenance';
import { scoped } from './scoped';
import type { Step, Trace, TensorView } from './types';

export interface ShiftedWindowsParams {
  H: number;
  W: number;
  C: number;
  window_size: number;
  shift_size: number;
  window: number;
}

/**
 * SW-MSA without the norms and the MLP, `x [B, H, W, C] → [B, H, W, C]`: roll by −shift, build the
 * mask for (H, W), partition, masked window attention, reverse, roll back by +shift.
 */
export function swMsa(x: tf.Tensor4D, p: WindowAttentionParams, windowSize: number, shift: number) {
  const [, H, W, C] = x.shape;
  const N = windowSize * windowSize;
  return tf.tidy(() => {
    const shiftedX = roll(x, [-shift, -shift], [1, 2]); // @step roll
    const mask = shiftedWindowMask(H, W, windowSize, shift);
    const xWindows = tf.reshape(windowPartition(shiftedX, windowSize), [-1, N, C]);
    const attention = windowAttention(xWindows, p, mask.attnMask); // @step softmax
    const attnWindows = tf.reshape(attention.out, [-1, windowSize, windowSize, C]); // @step rollback
    const shiftedOut = windowReverse(attnWindows, windowSize, H, W); // @step rollback
    const out = roll(shiftedOut, [shift, shift], [1, 2]) as tf.Tensor4D; // @step rollback
    return { shiftedX, ...mask, attention, shiftedOut, out };
  });
}

/** Attention weights as plain arrays (PyTorch layouts), for the independent check below. */
export interface PlainWeights {
  numHeads: number;
  qkvWeight: ArrayLike<number>;
  qkvBias: ArrayLike<number>;
  projWeight: ArrayLike<number>;
  projBias: ArrayLike<number>;
  /** `[(2ws−1)², heads]`. */
  table: ArrayLike<number>;
}

/**
 * The same attention without roll or mask, in float64 JS: every token of the *unshifted* map attends
 * to the tokens of its irregular region, cut at rows/columns shift, shift + ws, … (Swin paper, Fig. 2),
 * with the true relative offsets. `x` is `[H, W, C]` row-major; returns `[H, W, C]`.
 */
export function irregularAttention(
  x: ArrayLike<number>,
  H: number,
  W: number,
  C: number,
  w: PlainWeights,
  ws: number,
  shift: number
): { out: Float32Array; regions: number } {
  const heads = w.numHeads;
  const d = C / heads;
  const scale = d ** -0.5;
  const group = (i: number) => (i < shift ? 0 : 1 + Math.floor((i - shift) / ws));
  const qkv = new Float64Array(H * W * 3 * C);
  for (let p = 0; p < H * W; p++)
    for (let o = 0; o < 3 * C; o++) {
      let acc = w.qkvBias[o];
      for (let c = 0; c < C; c++) acc += w.qkvWeight[o * C + c] * x[p * C + c];
      qkv[p * 3 * C + o] = acc;
    }
  const regions = new Map<number, number[]>();
  for (let p = 0; p < H * W; p++) {
    const key = group(Math.floor(p / W)) * 4096 + group(p % W);
    regions.set(key, [...(regions.get(key) ?? []), p]);
  }
  const out = new Float32Array(H * W * C);
  const merged = new Float64Array(C);
  for (const members of regions.values()) {
    for (const i of members) {
      for (let h = 0; h < heads; h++) {
        const logits = members.map((j) => {
          let dot = 0;
          for (let e = 0; e < d; e++)
            dot += qkv[i * 3 * C + h * d + e] * qkv[j * 3 * C + C + h * d + e];
          const dy = Math.floor(i / W) - Math.floor(j / W);
          const dx = (i % W) - (j % W);
          return dot * scale + w.table[((dy + ws - 1) * (2 * ws - 1) + dx + ws - 1) * heads + h];
        });
        const m = Math.max(...logits);
        const e = logits.map((l) => Math.exp(l - m));
        const sum = e.reduce((a, b) => a + b, 0);
        for (let k = 0; k < d; k++)
          merged[h * d + k] = members.reduce(
            (acc, j, t) => acc + (e[t] / sum) * qkv[j * 3 * C + 2 * C + h * d + k],
            0
          );
      }
      for (let co = 0; co < C; co++) {
        let acc = w.projBias[co];
        for (let ci = 0; ci < C; ci++) acc += w.projWeight[co * C + ci] * merged[ci];
        out[i * C + co] = acc;
      }
    }
  }
  return { out, regions: regions.size };
}

/** C = 1: each pixel holds its own number y·W + x (as in the post's figures); C > 1: a smooth image. */
export function inputMap(H: number, W: number, C: number): tf.Tensor4D {
  const data = new Float32Array(H * W * C);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < C; c++) {
        const wave = Math.sin(
          2 * Math.PI * ((1 + (c % 2)) * (y / H) + (0.5 + c / 3) * (x / W)) + c
        );
        const disc = (y - H / 2) ** 2 + (x - W / 3) ** 2 < (Math.min(H, W) / 4) ** 2 ? 0.4 : 0;
        data[(y * W + x) * C + c] = C === 1 ? y * W + x : 0.5 + 0.4 * wave + disc;
      }
  return tf.tensor4d(data, [1, H, W, C]);
}

/**
 * Seeded weights for one head. The input's per-channel mean and spread are folded into the qkv
 * linear (W/σ, b − W·μ/σ), so the logits stay O(1) even on pixel numbers 0..H·W−1.
 */
export function seededWeights(x: tf.Tensor4D, ws: number): WindowAttentionParams {
  const C = x.shape[3];
  const t = tf.tidy(() => {
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    const sd = tf.maximum(tf.sqrt(variance), 1e-6);
    const qkv = tf.mul(tf.randomNormal([3 * C, C], 0, 1, 'float32', 11), C ** -0.5);
    const bias = tf.mul(tf.randomNormal([3 * C], 0, 1, 'float32', 12), 0.1);
    return {
      qkvWeight: tf.div(qkv, sd),
      qkvBias: tf.sub(bias, tf.reshape(tf.matMul(qkv, tf.reshape(tf.div(mean, sd), [C, 1])), [-1])),
      projWeight: tf.mul(tf.randomNormal([C, C], 0, 1, 'float32', 13), C ** -0.5),
      projBias: tf.mul(tf.randomNormal([C], 0, 1, 'float32', 14), 0.1),
      relativePositionBiasTable: tf.mul(
        tf.randomNormal([(2 * ws - 1) ** 2, 1], 0, 1, 'float32', 15),
        0.5
      )
    };
  });
  return { numHeads: 1, windowSize: [ws, ws], ...t };
}

/** 0 / −100 wherever the given `[1, H, W, 1]` labels differ inside a window (as the official mask). */
function maskFromLabels(labels: tf.Tensor, ws: number): tf.Tensor {
  const win = tf.reshape(windowPartition(labels, ws), [-1, ws * ws]);
  const diff = tf.sub(tf.expandDims(win, 1), tf.expandDims(win, 2));
  return tf.where(tf.notEqual(diff, 0), tf.fill(diff.shape, MASK_VALUE), tf.zerosLike(diff));
}

const countWhere = (a: ArrayLike<number>, f: (v: number, i: number) => boolean) => {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (f(a[i], i)) n++;
  return n;
};
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** Everything the questions under the figure quote, computed for the current parameters. */
export interface ShiftedWindowsChecks {
  equivalenceMaxDiff: number;
  regions: number;
  maskedCount: number;
  maskedMin: number;
  maskedMax: number;
  maskedExactZeros: number;
  leakAdd: number;
  leakTimesZero: number;
  fourLabelDiffs: number;
  twoLabelDiffs: number;
  unmaskedWindows: number[];
  maskEntries: number;
  inference: { H: number; W: number; Hp: number; Wp: number; maskShape: number[] };
  clampSquare: { windowSize: number; shiftSize: number };
  effective: { windowSize: number; shiftSize: number };
}

export interface ShiftedWindowsTrace extends Trace {
  /** attn_mask [nW, N, N] for the small multiples, linked like the N×N views. */
  masks: TensorView;
  picked: number;
  nW: number;
  checks: ShiftedWindowsChecks;
}

export const shiftedWindowsListings: Listing[] = [
  listing('PyTorch (ours, made the fixtures)', 'python', pySource, [
    'shifted_window_mask',
    'masked_window_attention',
    'sw_msa'
  ]),
  (() => {
    const mask = listing('', 'typescript', shiftSource, ['regionLabels', 'shiftedWindowMask']);
    const block = listing('', 'typescript', traceSource, ['swMsa']);
    return {
      label: 'TensorFlow.js (runs this page)',
      lang: 'typescript',
      lines: [...mask.lines, { text: '', steps: [] }, ...block.lines]
    };
  })()
];

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

export function traceShiftedWindows(p: ShiftedWindowsParams): ShiftedWindowsTrace {
  const { H, W, C, window_size: ws, shift_size: s } = p;
  const N = ws * ws;
  const nW = (H / ws) * (W / ws);
  const w = pickedWindow(p.window, nW);
  return scoped(() => {
    const x = inputMap(H, W, C);
    const weights = seededWeights(x, ws);
    const r = swMsa(x, weights, ws, s);
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

    const pickedNN = (t: tf.Tensor, name: string, caption: string): TensorView => ({
      name,
      snap: snapshot(tf.reshape(tf.slice(t, [w, 0, 0], [1, N, N]), [N, N])),
      dims: ['N (query i)', 'N (key j)'],
      provenance: rowsOf(w * N),
      linksOf: pair,
      caption
    });
    const attnWeights = tf.reshape(r.attention.attn, [nW, N, N]);
    const logits = tf.reshape(r.attention.attnLogits, [nW, N, N]);

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
      linksOf: (f) => [winProv[Math.floor(f / N)], winProv[Math.floor(f / (N * N)) * N + (f % N)]]
    };

    // Checks quoted by the prose.
    const attnData = attnWeights.dataSync();
    const masked = (i: number) => maskSnap.data[i] !== 0;
    let maskedMin = Infinity;
    let maskedMax = 0;
    for (let i = 0; i < attnData.length; i++)
      if (masked(i)) {
        maskedMin = Math.min(maskedMin, attnData[i]);
        maskedMax = Math.max(maskedMax, attnData[i]);
      }
    const isMasked = tf.cast(tf.notEqual(r.attnMask, 0), 'float32');
    const leak = (a: tf.Tensor) => tf.max(tf.sum(tf.mul(a, isMasked), -1)).dataSync()[0];
    const biased = tf.reshape(r.attention.attnBiased, [nW, N, N]);
    const timesZero = tf.softmax(tf.mul(biased, tf.sub(1, isMasked)));
    const rolledRows = (f: (y: number, x: number) => number) =>
      tf.tensor4d(
        Float32Array.from({ length: H * W }, (_, i) => f(Math.floor(i / W), i % W)),
        [1, H, W, 1]
      );
    const wrapped = (y: number, x: number) => [y >= H - s && s > 0, x >= W - s && s > 0];
    const four = maskFromLabels(
      rolledRows((y, x) => 2 * +wrapped(y, x)[0] + +wrapped(y, x)[1]),
      ws
    );
    const two = maskFromLabels(
      rolledRows((y, x) => +(wrapped(y, x)[0] || wrapped(y, x)[1])),
      ws
    );
    const direct = irregularAttention(x.dataSync(), H, W, C, plain(weights), ws, s);
    const Hi = H + 1;
    const Wi = W + 1;
    const Hp = Math.ceil(Hi / ws) * ws;
    const Wp = Math.ceil(Wi / ws) * ws;
    const checks: ShiftedWindowsChecks = {
      equivalenceMaxDiff: maxAbsDiff(r.out.dataSync(), direct.out),
      regions: direct.regions,
      maskedCount: countWhere(maskSnap.data, (v) => v !== 0),
      maskedMin: Number.isFinite(maskedMin) ? maskedMin : 0,
      maskedMax,
      maskedExactZeros: countWhere(attnData, (v, i) => masked(i) && v === 0),
      leakAdd: leak(attnWeights),
      leakTimesZero: leak(timesZero),
      fourLabelDiffs: countWhere(four.dataSync(), (v, i) => v !== maskSnap.data[i]),
      twoLabelDiffs: countWhere(two.dataSync(), (v, i) => v !== maskSnap.data[i]),
      unmaskedWindows,
      maskEntries: maskSnap.data.length,
      inference: {
        H: Hi,
        W: Wi,
        Hp,
        Wp,
        maskShape: shiftedWindowMask(Hp, Wp, ws, s).attnMask.shape
      },
      clampSquare: effectiveWindow(ws, ws, ws, s),
      effective: effectiveWindow(H, W, ws, s)
    };
    return {
      steps: steps(),
      listings: shiftedWindowsListings,
      masks,
      picked: w,
      nW,
      checks
    };

    function steps(): Step[] {
      const from = (t: Int32Array, v: number) => t.indexOf(v) / C;
      const home = from(shiftedProv, 0);
      const slice = (t: ArrayLike<number>) => Array.from(t).slice(w * N * N, (w + 1) * N * N);
      const pickedMask = slice(maskSnap.data);
      const pickedMasked = pickedMask.some((v) => v !== 0);
      const smallest = Math.min(...slice(attnData).filter((_, i) => pickedMask[i] !== 0));
      return [
        {
          id: 'roll',
          title: 'torch.roll(x, (−s, −s))',
          explain:
            `Rolling by ${-s} along H and W moves the first ${s} row(s) to the bottom and the first ${s} ` +
            `column(s) to the right: pixel 0 is now at (${Math.floor(home / W)}, ${home % W}). ` +
            `The ${H / ws}×${W / ws} regular windows of shifted_x are the shifted windows of x.`,
          tensors: [xView, shiftedView]
        },
        {
          id: 'labels',
          title: 'img_mask: region labels (cnt)',
          explain:
            `Three slices per axis cut the rolled map into ${new Set(imgMask.data).size} regions, numbered ` +
            `cnt = 3·row band + column band. Two tokens may attend to each other only if their labels match.`,
          tensors: [shiftedView, maskView]
        },
        {
          id: 'partition',
          title: 'window_partition → mask_windows',
          explain:
            `window_partition(img_mask) and view(-1, ${N}) give one row of ${N} labels per window, ` +
            `${nW} rows in all. Window ${w} holds the labels [${pickedLabels.join(', ')}].`,
          tensors: [maskView, windowsView]
        },
        {
          id: 'diff',
          title: 'unsqueeze(1) − unsqueeze(2)',
          explain:
            `Broadcasting [${nW}, 1, ${N}] − [${nW}, ${N}, 1] gives [${nW}, ${N}, ${N}]: entry (i, j) is ` +
            `label(j) − label(i), zero exactly when query i and key j lie in the same region. Hover a cell.`,
          tensors: [
            maskView,
            pickedNN(
              r.labelDiff,
              'label_diff',
              `window ${w} (the official code calls this attn_mask)`
            )
          ]
        },
        {
          id: 'fill',
          title: 'masked_fill(≠ 0, −100) → attn_mask',
          explain:
            `Every non-zero difference becomes −100: ${countWhere(maskSnap.data, (v) => v !== 0)} of the ` +
            `${maskSnap.data.length} entries. Windows ${unmaskedWindows.join(', ') || '(none)'} contain one region ` +
            `only and need no masking.`,
          tensors: [windowsView]
        },
        {
          id: 'softmax',
          title: 'logits + attn_mask, softmax',
          explain: pickedMasked
            ? `The mask is added to window ${w}'s real logits before softmax. The blocked pairs get ` +
              `weights down to ${smallest.toExponential(2)}: about e^−100 of the others, tiny but not 0.`
            : `Window ${w} holds one region, so its mask is all 0 and the softmax sees the plain logits. ` +
              `Pick a window with several labels (window=-1) to see the masked weights.`,
          tensors: [
            pickedNN(logits, 'attn_logits', `window ${w}: q·kᵀ·scale + bias + attn_mask`),
            pickedNN(attnWeights, 'attn', `window ${w}: softmax over keys j`)
          ]
        },
        {
          id: 'rollback',
          title: 'torch.roll(x, (s, s)): back',
          explain:
            `window_reverse puts the attention output back on the rolled map, and rolling by +${s} returns ` +
            `every pixel to its place: out agrees with attention on the irregular regions of x to ` +
            `${checks.equivalenceMaxDiff.toExponential(1)}.`,
          tensors: [
            {
              ...shiftedView,
              name: 'shifted_out',
              snap: snapshot(r.shiftedOut),
              caption: 'window_reverse(attn_windows) (shifted_x in the official code)'
            },
            {
              ...xView,
              name: 'out',
              snap: snapshot(r.out),
              caption: `torch.roll(shifted_out, shifts=(${s}, ${s}), dims=(1, 2))`
            }
          ]
        }
      ];
    }
  });
}

function plain(p: WindowAttentionParams): PlainWeights {
  return {
    numHeads: p.numHeads,
    qkvWeight: p.qkvWeight.dataSync(),
    qkvBias: p.qkvBias!.dataSync(),
    projWeight: p.projWeight.dataSync(),
    projBias: p.projBias.dataSync(),
    table: p.relativePositionBiasTable.dataSync()
  };
}
