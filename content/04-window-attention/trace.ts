/**
 * The /window-attention trace: x [B_, N, C] → qkv Linear → reshape → permute → q, k, v → q·scale →
 * q @ kᵀ → + relative position bias → softmax → @ v → transpose/reshape → proj. Runs the tensor
 * core's `windowAttention` (microsoft/Swin-Transformer `WindowAttention.forward`) on seeded windows,
 * and the same reshape/permute/broadcast on index tensors for the hover links.
 */
import * as tf from '@tensorflow/tfjs-core';
import { snapshot, windowAttention, windowPartition } from '$lib/tensor';
import tsSource from '$lib/tensor/window-attention.ts?raw';
import pySource from '../../scripts/golden/swin.py?raw';
import { listing } from '$lib/trace/listing';
import { scoped } from '$lib/trace/scoped';
import type { GridSpec, Step, Trace, TensorView } from '$lib/trace/types';
import { channelDestinations, windowAttentionLinks, type ChannelDestination } from './links';
import { seededNormal } from '$lib/tensor/random';

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

export function traceWindowAttention(p: WindowAttentionTraceParams): WindowAttentionTrace {
  const { B, H, W, C, seed } = p;
  const ws = p.window_size;
  const heads = p.num_heads;
  const N = ws * ws;
  const d = C / heads;
  const B_ = B * (H / ws) * (W / ws);
  const R = (2 * ws - 1) ** 2;

  return scoped(() => {
    const img = seededNormal([B, H, W, C], seed, 0, 1);
    const x = tf.reshape(windowPartition(img, ws), [B_, N, C]);
    const rnd = (shape: number[], k: number, std: number) => seededNormal(shape, seed + k, 0, std);
    const r = windowAttention(x, {
      numHeads: heads,
      windowSize: [ws, ws],
      qkvWeight: rnd([3 * C, C], 1, C ** -0.5),
      qkvBias: rnd([3 * C], 2, 0.1),
      projWeight: rnd([C, C], 3, C ** -0.5),
      projBias: rnd([C], 4, 0.1),
      relativePositionBiasTable: rnd([R, heads], 5, 1)
    });
    const qkvLin = tf.reshape(tf.transpose(r.qkv, [1, 3, 0, 2, 4]), [B_, N, 3 * C]);
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
    const xView = (name: string, t: tf.Tensor): TensorView => ({
      name,
      snap: snapshot(t),
      dims: ['B_', 'N', 'C'],
      provenance: tokenIds(C)
    });
    const qkvLinView = (ids: Int32Array): TensorView => ({
      name: 'qkv_linear',
      snap: snapshot(qkvLin),
      dims: ['B_', 'N', '3C'],
      provenance: ids,
      guides: { every: C }
    });
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
    const steps: Step[] = [
      {
        id: 'linear',
        title: 'qkv = Linear(C, 3C)',
        explain: `The ${B_} windows of ${N} tokens enter as x [B_, N, C]. One Linear maps each token's ${C} channels to ${3 * C}: q, k and v for every head, for every token — exactly as many as global attention computes.`,
        tensors: [xView('x', x), qkvLinView(tokenIds(3 * C))]
      },
      {
        id: 'reshape',
        title: `reshape(B_, N, 3, ${heads}, ${d})`,
        explain: `The ${3 * C} channels are read as (3, num_heads, head_dim) = (3, ${heads}, ${d}): channel s·C + h·d + e is (which of q/k/v, head, dim). The last axis is C // num_heads = ${d}.`,
        tensors: [
          {
            ...qkvLinView(tokenIds(3 * C)),
            viewShape: { sizes: [B_, N, 3, heads, d], dims: ['B_', 'N', '3', 'heads', 'head_dim'] }
          }
        ]
      },
      {
        id: 'permute',
        title: 'permute(2, 0, 3, 1, 4)',
        explain: `Moves (3, heads) in front of the tokens: [3, B_, heads, N, head_dim] = [3, ${B_}, ${heads}, ${N}, ${d}]. Hover a channel of qkv_linear to see where it goes.`,
        tensors: [qkvLinView(links.qkvLinearIds()), qkvView]
      },
      {
        id: 'split',
        title: 'q, k, v = qkv[0], qkv[1], qkv[2]',
        explain: `Indexing the first axis gives three tensors of [B_, heads, N, head_dim] = [${B_}, ${heads}, ${N}, ${d}]: no copy, no compute.`,
        tensors: [qkvView, qView, kView, vView]
      },
      {
        id: 'scale',
        title: 'q = q · scale',
        explain: `scale = head_dim^−0.5 = ${d}^−0.5 = ${scale.toFixed(4)}, so the logits' spread does not grow with head_dim.`,
        tensors: [v4('q', r.qScaled, qId, { caption: `q · ${scale.toFixed(4)}` })]
      },
      {
        id: 'qk',
        title: 'q @ kᵀ',
        explain: `[B_, heads, N, head_dim] @ [B_, heads, head_dim, N] → [B_, heads, N, N] = [${B_}, ${heads}, ${N}, ${N}]: head_dim = ${d} is summed away. Hover a logit: its q row and k row (a column of kᵀ) light up.`,
        tensors: [v4('q', r.qScaled, qId), kView, qkView]
      },
      {
        id: 'bias',
        title: '+ relative_position_bias',
        explain: `The bias [heads, N, N] is broadcast over the ${B_} windows (unsqueeze(0)): every window adds the same bias, per head.`,
        tensors: [
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
        ]
      },
      {
        id: 'softmax',
        title: 'softmax(-1)',
        explain: `Softmax over the keys: every row of attn sums to 1 (largest deviation here ${worst.toExponential(1)}). Hover a row.`,
        tensors: [
          {
            name: 'attn_biased',
            snap: snapshot(r.attnBiased),
            dims: nnDims,
            provenance: rowIds,
            grid: rows2
          },
          { name: 'attn', snap: attnData, dims: nnDims, provenance: rowIds, grid: rows2 }
        ]
      },
      {
        id: 'av',
        title: 'attn @ v',
        explain: `[B_, heads, N, N] @ [B_, heads, N, head_dim] → [${B_}, ${heads}, ${N}, ${d}]: each output is a weighted mix of the ${N} value vectors of its window and head; channels never mix here.`,
        tensors: [
          { name: 'attn', snap: attnData, dims: nnDims, provenance: rowIds, grid: rows2 },
          vView,
          v4('heads_out', r.headsOut, hoIds, { linksOf: links.headsOutLinks })
        ]
      },
      {
        id: 'merge',
        title: `transpose(1, 2).reshape(B_, N, ${C})`,
        explain: `Heads are put side by side per token: channel h·${d} + e of token n is head h's output e.`,
        tensors: [
          v4('heads_out', r.headsOut, hoIds),
          {
            name: 'merged',
            snap: snapshot(r.merged),
            dims: ['B_', 'N', 'C'],
            provenance: mergedIds,
            guides: { every: d }
          }
        ]
      },
      {
        id: 'proj',
        title: 'x = proj(x)',
        explain: `A last Linear(C, C) mixes the heads' channels, token by token; the output has the input's shape [${B_}, ${N}, ${C}].`,
        tensors: [xView('merged', r.merged), xView('x_out', r.out)]
      }
    ];
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
