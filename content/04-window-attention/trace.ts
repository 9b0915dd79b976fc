/**
 * The /window-attention trace: x [B_, N, C] → qkv Linear → reshape → permute → q, k, v → q·scale →
 * q @ kᵀ → + relative position bias → softmax → @ v → transpose/reshape → proj. Runs the tensor
 * core's `windowAttention` (microsoft/Swin-Transformer `WindowAttention.forward`) on seeded windows,
 * and the same reshape/permute/broadcast on index tensors for the hover links. The preview draws
 * the first step's x and qkv_linear without the rest of the forward pass.
 */
import * as tf from '@tensorflow/tfjs-core';
import { linear, snapshot, windowAttention, windowPartition } from '$lib/tensor';
import tsSource from '$lib/tensor/window-attention.ts?raw';
import pySource from '../../scripts/golden/swin.py?raw';
import { listing } from '$lib/trace/listing';
import { scoped } from '$lib/trace/scoped';
import { onlyStep, withTensors } from '$lib/trace/step-texts';
import type { GridSpec, Trace, TensorView } from '$lib/trace/types';
import type { Snapshot } from '$lib/tensor/snapshot';
import { channelDestinations, windowAttentionLinks, type ChannelDestination } from './links';
import { seededNormal } from '$lib/tensor/random';
import { sizesOf, windowAttentionStepTexts, type WindowAttentionSizes } from './steps';

export { channelDestinations, type ChannelDestination } from './links';

export interface WindowAttentionTraceParams {
  B: number;
  H: number;
  W: number;
  C: number;
  window_size: number;
  num_heads: number;
  seed: number;
}

export const windowAttentionListings = [
  listing('PyTorch (ours, made the fixtures)', 'python', pySource, ['window_attention']),
  listing('TensorFlow.js (runs this page)', 'typescript', tsSource, ['windowAttention'])
];

export type WindowAttentionTrace = Trace & {
  extras: {
    channels: ChannelDestination[];
    C: number;
    heads: number;
    d: number;
    params: WindowAttentionTraceParams;
  };
};

const rows2: GridSpec = { rows: 2, cols: 3, facets: [0, 1] };

/** The page's seeded windows x [B_, N, C] and weights. Call inside a tfjs scope. */
function pageInputs(p: WindowAttentionTraceParams, s: WindowAttentionSizes) {
  const { B, H, W, C, seed } = p;
  const ws = p.window_size;
  const img = seededNormal([B, H, W, C], seed, 0, 1);
  const x = tf.reshape(windowPartition(img, ws), [s.B_, s.N, C]);
  const rnd = (shape: number[], k: number, std: number) => seededNormal(shape, seed + k, 0, std);
  const qkvWeight = rnd([3 * C, C], 1, C ** -0.5);
  const qkvBias = rnd([3 * C], 2, 0.1);
  return { x, qkvWeight, qkvBias, rnd };
}

/** A [B_, N, C] tensor, its cells linked token by token (x, merged, x_out). */
const tokensView = (name: string, snap: Snapshot, ids: Int32Array): TensorView => ({
  name,
  snap,
  dims: ['B_', 'N', 'C'],
  provenance: ids
});

/** The qkv Linear's output [B_, N, 3C], a guide between q, k and v; linked by `ids`. */
const qkvLinearView = (snap: Snapshot, ids: Int32Array, C: number): TensorView => ({
  name: 'qkv_linear',
  snap,
  dims: ['B_', 'N', '3C'],
  provenance: ids,
  guides: { every: C }
});

/** Step 1's tensors: the windows x and the qkv Linear's output, linked token by token. */
function firstStepViews(
  x: Snapshot,
  qkvLin: Snapshot,
  tokenIds: (c: number) => Int32Array,
  C: number
): TensorView[] {
  return [tokensView('x', x, tokenIds(C)), qkvLinearView(qkvLin, tokenIds(3 * C), C)];
}

/**
 * The frame that shows a change on step 1 (the default): x and qkv = Linear(C, 3C), the forward
 * pass's first line (the tensor core's own `linear`), and every step's title and explanation.
 * The complete trace follows after the frame (see figure-run.svelte.ts). The other steps show
 * tensors of the whole forward pass: there it declines (null), and the complete trace runs at once.
 */
export function previewWindowAttention(
  p: WindowAttentionTraceParams,
  stepAt: (count: number) => number
): Trace | null {
  const s = sizesOf(p);
  const texts = windowAttentionStepTexts(s, null);
  if (stepAt(texts.length) !== 0) return null;
  return scoped(() => {
    const { x, qkvWeight, qkvBias } = pageInputs(p, s);
    const { tokenIds } = windowAttentionLinks(s.B_, s.N, s.C, s.heads);
    const qkvLin = snapshot(linear(x, qkvWeight, qkvBias));
    const first = firstStepViews(snapshot(x), qkvLin, tokenIds, s.C);
    return {
      steps: onlyStep(texts, 0, first),
      listings: windowAttentionListings
    };
  });
}

export function traceWindowAttention(p: WindowAttentionTraceParams): WindowAttentionTrace {
  const s = sizesOf(p);
  const { B_, N, C, heads, d } = s;
  const ws = p.window_size;
  const R = (2 * ws - 1) ** 2;

  return scoped(() => {
    const { x, qkvWeight, qkvBias, rnd } = pageInputs(p, s);
    const r = windowAttention(x, {
      numHeads: heads,
      windowSize: [ws, ws],
      qkvWeight,
      qkvBias,
      projWeight: rnd([C, C], 3, C ** -0.5),
      projBias: rnd([C], 4, 0.1),
      relativePositionBiasTable: rnd([R, heads], 5, 1)
    });
    // qkv_linear read back through the permute: one snapshot for the three steps that show it.
    const qkvLin = snapshot(tf.reshape(tf.transpose(r.qkv, [1, 3, 0, 2, 4]), [B_, N, 3 * C]));
    const links = windowAttentionLinks(B_, N, C, heads);
    const { tokenIds, qId, kId, vId, attIds, biasIds, biasedIds, rowIds, hoIds, mergedIds } = links;
    const qkvPerm = snapshot(r.qkv);
    const qkvPermIds = links.qkvPermIds;
    const headDims = ['B_', 'heads', 'N', 'head_dim'];
    const nnDims = ['B_', 'heads', 'N (query)', 'N (key)'];
    const v4 = (name: string, t: tf.Tensor, ids: Int32Array, extra: Partial<TensorView> = {}) => ({
      name,
      snap: snapshot(t),
      dims: headDims,
      provenance: ids,
      grid: rows2,
      ...extra
    });
    const xView = (name: string, t: tf.Tensor) => tokensView(name, snapshot(t), tokenIds(C));
    const qkvLinView = (ids: Int32Array) => qkvLinearView(qkvLin, ids, C);
    const qkvView: TensorView = {
      name: 'qkv',
      snap: qkvPerm,
      dims: ['3 (q,k,v)', 'B_', 'heads', 'N', 'head_dim'],
      provenance: qkvPermIds,
      grid: { rows: 3, cols: 4, facets: [0, 1, 2] }
    };
    const qView = v4('q', r.q, qId);
    const kView = v4('k', r.k, kId);
    const vView = v4('v', r.v, vId);
    const qkView: TensorView = {
      name: 'attn_qk',
      snap: snapshot(r.attnQk),
      dims: nnDims,
      provenance: attIds,
      linksOf: links.logitLinks,
      grid: rows2
    };
    const attnData = snapshot(r.attn);
    let worst = 0;
    for (let row = 0; row < B_ * heads * N; row++) {
      let sum = 0;
      for (let j = 0; j < N; j++) sum += attnData.data[row * N + j];
      worst = Math.max(worst, Math.abs(sum - 1));
    }
    const scale = d ** -0.5;
    // Each step's tensors, in the order of windowAttentionStepTexts.
    const tensors: TensorView[][] = [
      firstStepViews(snapshot(x), qkvLin, tokenIds, C),
      [
        {
          ...qkvLinView(tokenIds(3 * C)),
          viewShape: { sizes: [B_, N, 3, heads, d], dims: ['B_', 'N', '3', 'heads', 'head_dim'] }
        }
      ],
      [qkvLinView(links.qkvLinearIds()), qkvView],
      [qkvView, qView, kView, vView],
      [v4('q', r.qScaled, qId, { caption: `q · ${scale.toFixed(4)}` })],
      [v4('q', r.qScaled, qId), kView, qkView],
      [
        { ...qkView, linksOf: (f) => [biasedIds[f]], provenance: biasedIds },
        {
          name: 'relative_position_bias',
          snap: snapshot(r.relBias),
          dims: ['heads', 'N (query)', 'N (key)'],
          provenance: biasIds
        },
        {
          name: 'attn_biased',
          snap: snapshot(r.attnBiased),
          dims: nnDims,
          provenance: biasedIds,
          grid: rows2
        }
      ],
      [
        {
          name: 'attn_biased',
          snap: snapshot(r.attnBiased),
          dims: nnDims,
          provenance: rowIds,
          grid: rows2
        },
        { name: 'attn', snap: attnData, dims: nnDims, provenance: rowIds, grid: rows2 }
      ],
      [
        { name: 'attn', snap: attnData, dims: nnDims, provenance: rowIds, grid: rows2 },
        vView,
        v4('heads_out', r.headsOut, hoIds, { linksOf: links.headsOutLinks })
      ],
      [
        v4('heads_out', r.headsOut, hoIds),
        {
          name: 'merged',
          snap: snapshot(r.merged),
          dims: ['B_', 'N', 'C'],
          provenance: mergedIds,
          guides: { every: d }
        }
      ],
      [xView('merged', r.merged), xView('x_out', r.out)]
    ];
    const steps = withTensors(windowAttentionStepTexts(s, worst), tensors);
    const channels = channelDestinations(
      qkvPermIds.map((v) => v - links.QKV),
      qkvPerm.shape
    );
    return {
      steps,
      listings: windowAttentionListings,
      extras: { channels, C, heads, d, params: p }
    };
  });
}
