/**
 * The /restormer trace: one Restormer TransformerBlock (WithBias LayerNorm, bias=False — the
 * official defaults) on a seeded x [1, C, H, W] with seeded random weights (no trained model),
 * stepped through MDTA and GDFN; plus the attention-cost series for the cost plot
 * (restormer-costs.ts). The numbers for the prose are in restormer-facts.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { restormerBlock, snapshot } from '$lib/tensor';
import tsSource from '$lib/tensor/restormer.ts?raw';
import pySource from '../../scripts/golden/restormer.py?raw';
import { hiddenFeatures } from './params';
import { listing } from '$lib/trace/listing';
import { iota, provenanceOf } from '$lib/trace/provenance';
import { restormerCosts, type RestormerCosts } from './costs';
import { scoped } from '$lib/trace/scoped';
import type { Step, TensorView, Trace } from '$lib/trace/types';
import { seededNormal } from '$lib/tensor/random';

export { COST_SIDES, restormerCosts, type CostCheck, type RestormerCosts } from './costs';

export interface RestormerParams {
  C: number;
  H: number;
  W: number;
  num_heads: number;
  ffn_expansion_factor: number;
  seed: number;
}
export interface RestormerTrace extends Trace {
  costs: RestormerCosts;
}
export function isRestormerTrace(t: Trace): t is RestormerTrace {
  return 'costs' in t;
}

export const restormerListings = [
  listing('PyTorch (ours, made the fixtures)', 'python', pySource, [
    'layer_norm_channels',
    'mdta',
    'gdfn'
  ]),
  listing('TensorFlow.js (runs this page)', 'typescript', tsSource, [
    'restormerBlock',
    'mdta',
    'gdfn'
  ])
];

function randomBlock(p: RestormerParams) {
  const { C, num_heads: heads, seed } = p;
  const hidden = hiddenFeatures(C, p.ffn_expansion_factor);
  const r = (shape: number[], k: number, std: number) => seededNormal(shape, seed * 37 + k, 0, std);
  return {
    layerNormType: 'WithBias' as const,
    norm1Weight: tf.ones([C]),
    norm1Bias: tf.zeros([C]),
    norm2Weight: tf.ones([C]),
    norm2Bias: tf.zeros([C]),
    attn: {
      numHeads: heads,
      qkvWeight: r([3 * C, C, 1, 1], 1, 1 / Math.sqrt(C)),
      qkvDwconvWeight: r([3 * C, 1, 3, 3], 2, 1 / 3),
      projectOutWeight: r([C, C, 1, 1], 3, 1 / Math.sqrt(C)),
      // nn.Parameter(torch.ones(num_heads, 1, 1)): its initial value.
      temperature: tf.ones([heads, 1, 1])
    },
    ffn: {
      projectInWeight: r([2 * hidden, C, 1, 1], 4, 1 / Math.sqrt(C)),
      dwconvWeight: r([2 * hidden, 1, 3, 3], 5, 1 / 3),
      projectOutWeight: r([C, hidden, 1, 1], 6, 1 / Math.sqrt(hidden))
    }
  };
}

const NCHW = { rows: 2, cols: 3, facets: [0, 1] };

export function traceRestormer(p: RestormerParams): RestormerTrace {
  const { C, H, W, num_heads: heads } = p;
  const c = C / heads;
  const hidden = hiddenFeatures(C, p.ffn_expansion_factor);
  const steps = scoped((): Step[] => {
    const x = seededNormal([1, C, H, W], p.seed, 0, 1);
    const b = restormerBlock(x, randomBlock(p));
    const a = b.attn;
    const f = b.ffn;
    // Provenance by iota: chunk + rearrange on an index tensor shaped like qkv.
    const ids = tf.split(iota([1, 3 * C, H, W]), 3, 1);
    const idsR = ids.map((t) => tf.reshape(t, [1, heads, c, H * W]));
    const view = (name: string, t: tf.Tensor, dims: string[], extra: Partial<TensorView> = {}) =>
      ({ name, snap: snapshot(t), dims, grid: NCHW, ...extra }) as TensorView;
    const chw = ['B', 'C', 'H', 'W'];
    const hcn = ['B', 'heads', 'C/heads', 'H·W'];
    const hcc = ['B', 'heads', 'C/heads', 'C/heads'];
    const qkvView = view('qkv', a.qkv, ['B', '3C', 'H', 'W']);
    const names = ['q', 'k', 'v'] as const;
    const chunked = names.map((n, i) =>
      view(n, tf.reshape(a[n], [1, C, H, W]), chw, { provenance: provenanceOf(ids[i]) })
    );
    const rearranged = names.map((n, i) =>
      view(n, a[n], hcn, { provenance: provenanceOf(idsR[i]) })
    );
    const normed = [view('q', a.qNorm, hcn), view('k', a.kNorm, hcn)];
    // attn[h, i, j] is the dot product of q channel i and k channel j of head h, over H·W.
    const logits = view('attn_logits', a.attnLogits, hcc, {
      caption: 'attn = (q @ k.transpose(-2, -1)) * self.temperature, before softmax'
    });
    const attn = view('attn', a.attn, hcc, {
      caption: 'softmax over the last axis: rows sum to 1'
    });
    const afterAttn = view('after_attn', b.afterAttn, chw, { caption: 'x + attn(norm1(x))' });
    const ffnOut = view('ffn_out', f.out, chw, { caption: 'project_out(gated)' });
    const x1 = view('x1', f.x1, ['B', 'hidden', 'H', 'W']);
    const x2 = view('x2', f.x2, ['B', 'hidden', 'H', 'W']);
    const norm1 = view('norm1', b.norm1, chw, {
      caption: 'WithBias LayerNorm over C at each pixel'
    });
    const outAv = view('out', a.attnOut, hcn, { caption: 'out = attn @ v' });
    const s = (id: string, title: string, explain: string, tensors: TensorView[]): Step => ({
      id,
      title,
      explain,
      tensors
    });
    return [
      s(
        'norm1',
        'norm1',
        'LayerNorm over the C channels of each pixel (to_3d → LayerNorm → to_4d).',
        [view('x', x, chw), norm1]
      ),
      s('qkv', '1×1 conv to 3C', `self.qkv: a 1×1 conv from C=${C} to 3C=${3 * C} channels.`, [
        norm1,
        view('qkv_1x1', a.qkvPointwise, ['B', '3C', 'H', 'W'], { caption: 'self.qkv(x)' })
      ]),
      s(
        'dwconv',
        'Depthwise 3×3',
        `self.qkv_dwconv: groups = 3C = ${3 * C}, one 3×3 kernel per channel (weight [${3 * C}, 1, 3, 3]).`,
        [qkvView]
      ),
      s('chunk', 'chunk(3)', 'qkv.chunk(3, dim=1) splits the channels into q, k, v.', [
        qkvView,
        ...chunked
      ]),
      s(
        'rearrange',
        'Rearrange to heads',
        `'b (head c) h w -> b head c (h w)': ${heads} head(s) of C/heads = ${c} channels, each a row of H·W = ${H * W} values.`,
        [qkvView, ...rearranged]
      ),
      s(
        'normalize',
        'L2-normalise over H·W',
        'F.normalize(q, dim=-1): the last axis is (h w), so each channel row gets unit length over the pixels.',
        normed
      ),
      s(
        'qk',
        'q @ kᵀ · temperature',
        `Channels against channels: [${c}, ${H * W}] @ [${H * W}, ${c}] → ${c}×${c} per head, whatever H and W are.`,
        [...normed, logits]
      ),
      s('softmax', 'softmax', `Softmax over the last axis: a (C/heads)² = ${c * c} map per head.`, [
        logits,
        attn
      ]),
      s(
        'av',
        'attn @ v',
        'Each output channel is a mix of the channels of v in its head, at every pixel alike.',
        [attn, rearranged[2], outAv]
      ),
      s('merge', 'Back to (B, C, H, W)', "'b head c (h w) -> b (head c) h w': a plain reshape.", [
        view('out', a.merged, chw)
      ]),
      s(
        'project',
        'project_out',
        'A 1×1 conv C → C. Its output is the block’s features, not an attention map.',
        [view('out', a.out, chw, { caption: 'self.project_out(out): MDTA’s output' })]
      ),
      s('residual1', 'Residual', 'x = x + self.attn(self.norm1(x)).', [
        view('x', x, chw),
        afterAttn
      ]),
      s('norm2', 'norm2', 'The second LayerNorm, before the feed-forward network.', [
        view('norm2', b.norm2, chw)
      ]),
      s(
        'project-in',
        '1×1 conv to 2·hidden',
        `hidden = int(C · ffn_expansion_factor) = int(${C} · ${p.ffn_expansion_factor}) = ${hidden}; project_in makes 2·hidden = ${2 * hidden} channels.`,
        [view('projected', f.projected, ['B', '2·hidden', 'H', 'W'])]
      ),
      s(
        'ffn-dwconv',
        'Depthwise 3×3',
        `groups = 2·hidden = ${2 * hidden}: one kernel per channel.`,
        [view('dw', f.dw, ['B', '2·hidden', 'H', 'W'])]
      ),
      s('ffn-chunk', 'chunk(2)', 'The channels split in two halves: x1 (the gate) and x2.', [
        x1,
        x2
      ]),
      s('gate', 'gelu(x1) · x2', 'The exact (erf) GELU of x1 gates x2, element by element.', [
        x1,
        x2,
        view('gated', f.gated, ['B', 'hidden', 'H', 'W'])
      ]),
      s('ffn-out', '1×1 conv to C', `project_out: hidden = ${hidden} → C = ${C}.`, [ffnOut]),
      s(
        'residual2',
        'Residual',
        'x = x + self.ffn(self.norm2(x)): the block’s output, shaped like x.',
        [afterAttn, ffnOut, view('block_out', b.out, chw)]
      )
    ];
  });
  const costs = restormerCosts(C, heads, 8);
  return { steps, listings: restormerListings, costs };
}
