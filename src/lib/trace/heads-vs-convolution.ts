/**
 * The /heads-vs-convolution trace. W-MSA on a seeded 2×2-window image with seeded random weights
 * (no trained model), then three live experiments and a comparison of five operators — window
 * attention, depthwise conv, grouped conv, Restormer's MDTA and NAFNet's SCA — each measured as a
 * Jacobian (see `$lib/tensor/heads-vs-conv`). Every number the page prints comes from here.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  attnTimesV,
  channelIndependence,
  channelKernels,
  conv2dNchw,
  depthwiseOp,
  distinctMaps,
  groupedOp,
  impulseResponse,
  kernelProperties,
  mdta,
  mdtaOp,
  neighbourOf,
  sca,
  scaOp,
  simpleGate,
  snapshot,
  windowAttention,
  windowAttentionOp,
  windowPartition,
  type ChannelIndependence,
  type KernelProperties,
  type LinearOp
} from '$lib/tensor';
import { divisors } from '$lib/params/params';
import tsSource from '$lib/tensor/heads-vs-conv.ts?raw';
import pySwin from '../../../scripts/golden/swin.py?raw';
import pyRestormer from '../../../scripts/golden/restormer.py?raw';
import pyNafnet from '../../../scripts/golden/nafnet.py?raw';
import { listing } from './listing';
import { provenanceOf } from './provenance';
import { scoped } from './scoped';
import type { Snapshot } from '$lib/tensor/snapshot';
import type { Step, TensorView, Trace } from './types';

export interface HeadsVsConvParams {
  C: number;
  window_size: number;
  num_heads: number;
  seed: number;
  pixel: number;
}

export type OperatorId = 'attention' | 'depthwise' | 'grouped' | 'mdta' | 'sca';
export interface OperatorRow extends KernelProperties {
  id: OperatorId;
  label: string;
}

export interface HeadsVsConvExperiments {
  heads: number;
  C: number;
  /** Experiment 1 for the current head count and for every divisor of C. */
  independence: ChannelIndependence;
  independenceAll: ({ heads: number } & ChannelIndependence)[];
  /** Experiment 2: kernel change when the pixel moves by one (attention vs real convs). */
  pixel: number;
  neighbour: number;
  /** Experiment 3: distinct N×N maps among the C channels, per window. */
  counts: number[];
  /** The comparison table, rows in {@link OperatorId} order. */
  table: OperatorRow[];
  groups: number;
  /** Share of each MDTA row's mass off the diagonal (min, max), for erratum 000.4. */
  mdtaOffDiagonal: [number, number];
}

export interface HeadsVsConvTrace extends Trace {
  experiments: HeadsVsConvExperiments;
}

export function isHeadsVsConvTrace(t: Trace): t is HeadsVsConvTrace {
  return 'experiments' in t;
}

export const headsVsConvListings = [
  listing('TensorFlow.js (the experiments on this page)', 'typescript', tsSource, [
    'channelKernels',
    'attnTimesV',
    'channelIndependence'
  ]),
  listing(
    'PyTorch (ours, made the fixtures)',
    'python',
    [pySwin, pyRestormer, pyNafnet].join('\n'),
    ['window_attention', 'mdta', 'simple_gate', 'sca']
  )
];

/** Seeded random weights for every operator on the page (not a trained model). */
function randomWeights(p: HeadsVsConvParams) {
  const { C, window_size: M, num_heads: heads, seed } = p;
  const r = (shape: number[], k: number, std = 1) =>
    tf.randomNormal(shape, 0, std, 'float32', seed * 31 + k);
  const d = C / heads;
  return {
    qkvWeight: r([3 * C, C], 1, 1.5 / Math.sqrt(C)),
    // One column per possible head; a head count h uses the first h (so all counts share q, k, v).
    biasTable: r([(2 * M - 1) * (2 * M - 1), C], 2, 0.5),
    projWeight: r([C, C], 3, 1 / Math.sqrt(C)),
    projBias: r([C], 4, 0.1),
    mdta: {
      numHeads: heads,
      qkvWeight: r([3 * C, C, 1, 1], 5, 1 / Math.sqrt(C)),
      qkvDwconvWeight: r([3 * C, 1, 3, 3], 6, 0.4),
      projectOutWeight: r([C, C, 1, 1], 7, 1 / Math.sqrt(C)),
      temperature: tf.ones([heads, 1, 1])
    },
    gateWeight: r([2 * C, C, 1, 1], 8, 1 / Math.sqrt(C)),
    sca: { weight: r([C, C, 1, 1], 9, 0.5), bias: r([C], 10, 0.1) },
    depthwise: r([C, 1, 3, 3], 11, 0.4),
    grouped: r([C, d, 3, 3], 12, 0.4)
  };
}

type Weights = ReturnType<typeof randomWeights>;

function attention(tokens: tf.Tensor, w: Weights, heads: number, M: number) {
  return windowAttention(tokens, {
    numHeads: heads,
    windowSize: [M, M],
    qkvWeight: w.qkvWeight,
    qkvBias: null,
    projWeight: w.projWeight,
    projBias: w.projBias,
    relativePositionBiasTable: tf.slice(w.biasTable, [0, 0], [-1, heads])
  });
}

export function traceHeadsVsConv(p: HeadsVsConvParams): HeadsVsConvTrace {
  const { C, window_size: M, num_heads: heads, seed, pixel } = p;
  const N = M * M;
  return scoped(() => {
    const w = randomWeights(p);
    const x = tf.randomNormal([1, 2 * M, 2 * M, C], 0, 1, 'float32', seed);
    const tokens = tf.reshape(windowPartition(x, M), [4, N, C]);
    const res = attention(tokens, w, heads, M);
    const out = attnTimesV(res.attn, res.v);
    const attn0 = tf.squeeze(tf.slice(res.attn, [0, 0, 0, 0], [1, heads, N, N]), [0]);
    const kernels = channelKernels(attn0, pixel, C);
    const xNchw = tf.transpose(x, [0, 3, 1, 2]);
    const md = mdta(xNchw, w.mdta);
    const gate = simpleGate(conv2dNchw(xNchw, w.gateWeight, null, { name: 'conv1' }));
    const sc = sca(gate, w.sca);

    // The comparison: every operator on window 0 (x) and window 1 (x′) as M×M images.
    const win = (i: number) =>
      tf.transpose(tf.reshape(tf.slice(tokens, [i, 0, 0], [1, N, C]), [1, M, M, C]), [0, 3, 1, 2]);
    const [x0, x1] = [win(0), win(1)];
    const attnOf = (i: number) =>
      tf.squeeze(tf.slice(res.attn, [i, 0, 0, 0], [1, heads, N, N]), [0]);
    const mdtaAttnOf = (xi: tf.Tensor) => tf.squeeze(mdta(xi, w.mdta).attn, [0]);
    const scaleOf = (xi: tf.Tensor) => tf.reshape(sca(xi, w.sca).s, [C]);
    // A convolution's weights do not take the input, so its Jacobian at x′ is the one at x.
    const dw = impulseResponse(depthwiseOp(w.depthwise), C, M, M);
    const gr = impulseResponse(groupedOp(w.grouped, heads), C, M, M);
    const J = (op: LinearOp) => impulseResponse(op, C, M, M);
    const ops: [OperatorId, string, tf.Tensor2D, tf.Tensor2D][] = [
      [
        'attention',
        'Window attention, attn @ v',
        J(windowAttentionOp(attnOf(0))),
        J(windowAttentionOp(attnOf(1)))
      ],
      ['depthwise', 'Depthwise 3×3 conv', dw, dw],
      ['grouped', `Grouped 3×3 conv (groups = ${heads})`, gr, gr],
      [
        'mdta',
        'Restormer MDTA, attn @ v over channels',
        J(mdtaOp(mdtaAttnOf(x0))),
        J(mdtaOp(mdtaAttnOf(x1)))
      ],
      ['sca', 'NAFNet SCA, x · s(x)', J(scaOp(scaleOf(x0))), J(scaOp(scaleOf(x1)))]
    ];
    const table = ops.map(([id, label, j0, j1]) => ({
      id,
      label,
      ...kernelProperties(j0, j1, C, M, M, pixel)
    }));

    const independenceAll = divisors(C).map((h) => {
      const r = h === heads ? res : attention(tokens, w, h, M);
      return { heads: h, ...channelIndependence(r.attn, r.v) };
    });
    const mdtaAttn = md.attn.arraySync()[0];
    const offDiag = mdtaAttn.flatMap((m) => m.map((row, i) => 1 - row[i]));
    const experiments: HeadsVsConvExperiments = {
      heads,
      C,
      independence: independenceAll.find((r) => r.heads === heads)!,
      independenceAll,
      pixel,
      neighbour: neighbourOf(pixel, M),
      counts: distinctMaps(res.attn, C),
      table,
      groups: heads,
      mdtaOffDiagonal: [Math.min(...offDiag), Math.max(...offDiag)]
    };
    const snaps = {
      attn: snapshot(res.attn),
      v: snapshot(res.v),
      out: snapshot(out),
      kernels: snapshot(tf.reshape(kernels, [C, M, M])),
      mdtaAttn: snapshot(md.attn),
      gate: snapshot(gate),
      s: snapshot(sc.s),
      scaOut: snapshot(sc.out)
    };
    const kernelIds = provenanceOf(channelKernels(attnIds(res.attn.shape), pixel, C));
    const steps = headsVsConvSteps(p, snaps, kernelIds, experiments);
    return { steps, listings: headsVsConvListings, experiments };
  });
}

/** Provenance by iota for the kernels: window 0's slice of an index tensor shaped like attn. */
function attnIds(shape: number[]): tf.Tensor {
  const [, heads, N] = shape;
  const ids = tf.reshape(
    tf.range(
      0,
      shape.reduce((a, b) => a * b, 1)
    ),
    shape
  );
  return tf.squeeze(tf.slice(ids, [0, 0, 0, 0], [1, heads, N, N]), [0]);
}

const fmt = (v: number) => (v === 0 ? '0' : Math.abs(v) < 1e-3 ? v.toExponential(1) : v.toFixed(3));

/**
 * Links between attn, v, out and the kernels, in one id space: attn ids are attn's flat indices,
 * then v's (window, token, channel), then out's. `attn @ v` relates attn[w, h, i, j] to v at token
 * j and out at token i, in the channels of head h only.
 */
function linker(p: HeadsVsConvParams) {
  const { C, window_size: M, num_heads: heads } = p;
  const N = M * M;
  const d = C / heads;
  const A = 4 * heads * N * N;
  const V = 4 * N * C;
  const vId = (w: number, j: number, c: number) => A + (w * N + j) * C + c;
  const outId = (w: number, i: number, c: number) => A + V + (w * N + i) * C + c;
  const headChannels = (h: number) => Array.from({ length: d }, (_, e) => h * d + e);
  const tokens = Array.from({ length: N }, (_, j) => j);
  return {
    vId,
    outId,
    attnLinks(flat: number): number[] {
      const j = flat % N;
      const i = Math.floor(flat / N) % N;
      const h = Math.floor(flat / (N * N)) % heads;
      const w = Math.floor(flat / (heads * N * N));
      const cs = headChannels(h);
      return [flat, ...cs.map((c) => vId(w, j, c)), ...cs.map((c) => outId(w, i, c))];
    },
    /** v is [B_, heads, N, d]: its own id, and every out token of the same channel. */
    vProvenance: Int32Array.from({ length: V }, (_, flat) => {
      const e = flat % d;
      const j = Math.floor(flat / d) % N;
      const h = Math.floor(flat / (d * N)) % heads;
      const w = Math.floor(flat / (d * N * heads));
      return vId(w, j, h * d + e);
    }),
    vLinks(id: number): number[] {
      const rel = id - A;
      const c = rel % C;
      const w = Math.floor(rel / (N * C));
      return [id, ...tokens.map((i) => outId(w, i, c))];
    },
    outLinks(flat: number): number[] {
      const c = flat % C;
      const i = Math.floor(flat / C) % N;
      const w = Math.floor(flat / (N * C));
      const h = Math.floor(c / d);
      const row = ((w * heads + h) * N + i) * N;
      return [outId(w, i, c), ...tokens.map((j) => vId(w, j, c)), ...tokens.map((j) => row + j)];
    },
    outProvenance: Int32Array.from({ length: V }, (_, flat) => A + V + flat)
  };
}

function headsVsConvSteps(
  p: HeadsVsConvParams,
  s: Record<'attn' | 'v' | 'out' | 'kernels' | 'mdtaAttn' | 'gate' | 's' | 'scaOut', Snapshot>,
  kernelIds: Int32Array,
  e: HeadsVsConvExperiments
): Step[] {
  const { C, window_size: M, num_heads: heads, pixel } = p;
  const N = M * M;
  const d = C / heads;
  const L = linker(p);
  const attn: TensorView = {
    name: 'attn',
    snap: s.attn,
    dims: ['B_', 'heads', 'N', 'N'],
    linksOf: (flat) => L.attnLinks(flat),
    grid: { rows: 2, cols: 3, facets: [0, 1], wrap: heads },
    caption: 'softmax(q·kᵀ·scale + bias); facet [w, h] is window w, head h'
  };
  const v: TensorView = {
    name: 'v',
    snap: s.v,
    dims: ['B_', 'heads', 'N', 'd'],
    provenance: L.vProvenance,
    linksOf: (flat) => L.vLinks(L.vProvenance[flat]),
    grid: { rows: 2, cols: 3, facets: [0, 1], wrap: heads }
  };
  const out: TensorView = {
    name: 'out',
    snap: s.out,
    dims: ['B_', 'N', 'C'],
    provenance: L.outProvenance,
    linksOf: (flat) => L.outLinks(flat),
    grid: { rows: 1, cols: 2, facets: [0] },
    caption: '(attn @ v).transpose(1, 2).reshape(B_, N, C), before proj'
  };
  const kernels: TensorView = {
    name: 'kernels',
    snap: s.kernels,
    dims: ['C', 'ws', 'ws'],
    provenance: kernelIds,
    linksOf: (flat) => {
      const c = Math.floor(flat / N);
      const j = flat % N;
      return [kernelIds[flat], L.vId(0, j, c), L.outId(0, pixel, c)];
    },
    grid: { rows: 1, cols: 2, facets: [0], wrap: d },
    caption: `window 0, pixel ${pixel} (row ${Math.floor(pixel / M)}, col ${pixel % M}); one row of kernels per head`
  };
  const counts = e.counts.join(', ');
  const ind = e.independence;
  const attentionRow = e.table[0];
  return [
    {
      id: 'softmax',
      title: 'One map per window and head',
      explain:
        `4 windows × ${heads} head(s) of ${N}×${N} maps. Counting distinct maps among the C=${C} ` +
        `channels of each window gives ${counts}: the number of heads, not of channels.`,
      tensors: [attn]
    },
    {
      id: 'av',
      title: 'attn @ v, channel by channel',
      explain:
        `Output channel c at token i is Σⱼ attn[h(c), i, j] · v[j, c]: only channel c of v enters. ` +
        `Perturbing one channel of v changes the other output channels by at most ${fmt(ind.offChannel)} ` +
        `(and its own by at least ${fmt(ind.onChannel)}). Hover a cell to see what it touches.`,
      tensors: [attn, v, out]
    },
    {
      id: 'kernels',
      title: 'The picked pixel’s C kernels',
      explain:
        `At one pixel, attn @ v is ${C} window-sized kernels, one per channel, applied to that channel ` +
        `only; the ${d} channel(s) of a head share one. Moving the pixel by one changes the kernel by ` +
        `${fmt(attentionRow.variesWithPosition)}: it is not a convolution.`,
      tensors: [kernels, v, out]
    },
    {
      id: 'mdta',
      title: 'Restormer: the transposed map',
      explain:
        `MDTA's map is (C/heads)×(C/heads) = ${d}×${d} per head: it mixes channels (up to ` +
        `${fmt(e.table[3].mixesChannels)}) and applies the same weights at every pixel (change ` +
        `${fmt(e.table[3].variesWithPosition)} when the pixel moves).`,
      tensors: [
        {
          name: 'mdta_attn',
          snap: s.mdtaAttn,
          dims: ['B', 'heads', 'C/heads', 'C/heads'],
          grid: { rows: 2, cols: 3, facets: [0, 1] },
          caption: 'attn of Restormer’s Attention on the same image (as NCHW)'
        }
      ]
    },
    {
      id: 'sca',
      title: 'NAFNet: SimpleGate and SCA',
      explain:
        `SimpleGate multiplies the two halves of a 2C-channel map; SCA then scales each channel by ` +
        `one number s[c] = W·GAP(x) + b: a diagonal map (mixing ${fmt(e.table[4].mixesChannels)}).`,
      tensors: [
        {
          name: 'simple_gate',
          snap: s.gate,
          dims: ['B', 'C', 'H', 'W'],
          grid: { rows: 2, cols: 3, facets: [0, 1] }
        },
        {
          name: 's',
          snap: s.s,
          dims: ['B', 'C', '1', '1'],
          grid: { rows: 2, cols: 1, facets: [0, 3] }
        },
        {
          name: 'sca_out',
          snap: s.scaOut,
          dims: ['B', 'C', 'H', 'W'],
          grid: { rows: 2, cols: 3, facets: [0, 1] }
        }
      ]
    }
  ];
}

/** Numbers for the chapter's misconception notes (C = 6, 3×3 windows, heads 1 and 6), computed. */
export function headsVsConvFacts() {
  const base = { C: 6, window_size: 3, seed: 0, pixel: 4 };
  const one = traceHeadsVsConv({ ...base, num_heads: 1 });
  const six = traceHeadsVsConv({ ...base, num_heads: 6 });
  // Translation invariance would make each map Toeplitz: A[i+1, j+1] = A[i, j].
  const a = one.steps[0].tensors[0].snap.data;
  const N = 9;
  let toeplitz = 0;
  for (let i = 0; i + 1 < N; i++)
    for (let j = 0; j + 1 < N; j++)
      toeplitz = Math.max(toeplitz, Math.abs(a[(i + 1) * N + j + 1] - a[i * N + j]));
  const row = (t: HeadsVsConvTrace, id: OperatorId) =>
    t.experiments.table.find((r) => r.id === id)!;
  const f3 = (v: number) => v.toFixed(3);
  const f2 = (v: number) => v.toFixed(2);
  return {
    counts1: one.experiments.counts.join(', '),
    counts6: six.experiments.counts.join(', '),
    off1: String(one.experiments.independence.offChannel),
    off6: String(six.experiments.independence.offChannel),
    toeplitz: f3(toeplitz),
    mdtaOffLo: f2(one.experiments.mdtaOffDiagonal[0]),
    mdtaOffHi: f2(one.experiments.mdtaOffDiagonal[1]),
    mdtaMix: f3(row(one, 'mdta').mixesChannels),
    scaMix: String(row(one, 'sca').mixesChannels),
    groupedMix: f3(
      row(six, 'grouped').mixesChannels === 0
        ? row(one, 'grouped').mixesChannels
        : row(six, 'grouped').mixesChannels
    )
  };
}
export type HeadsVsConvFactName = keyof ReturnType<typeof headsVsConvFacts>;
