/**
 * The /restormer trace: one Restormer TransformerBlock (WithBias LayerNorm, bias=False — the
 * official defaults) on a seeded x [1, C, H, W] with seeded random weights (no trained model),
 * stepped through MDTA and GDFN; plus the attention-cost series for the cost plot
 * (costs.ts). The numbers for the prose are in facts.ts, the steps' texts in steps.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { layerNormChannels, restormerBlock, snapshot } from '$lib/tensor';
import tsSource from '$lib/tensor/restormer.ts?raw';
import pySource from '../../scripts/golden/restormer.py?raw';
import { hiddenFeatures } from './params';
import { listing } from '$lib/trace/listing';
import { iota, provenanceOf } from '$lib/trace/provenance';
import { restormerCosts, type RestormerCosts } from './costs';
import { scoped } from '$lib/trace/scoped';
import type { TensorView, Trace } from '$lib/trace/types';
import { onlyStep, withTensors } from '$lib/trace/step-texts';
import { restormerStepTexts } from './steps';
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

/** The block's WithBias LayerNorms at their initial values (weight 1, bias 0). */
function blockNorms(C: number) {
  return {
    norm1Weight: tf.ones([C]),
    norm1Bias: tf.zeros([C]),
    norm2Weight: tf.ones([C]),
    norm2Bias: tf.zeros([C])
  };
}

function randomBlock(p: RestormerParams) {
  const { C, num_heads: heads, seed } = p;
  const hidden = hiddenFeatures(C, p.ffn_expansion_factor);
  const r = (shape: number[], k: number, std: number) => seededNormal(shape, seed * 37 + k, 0, std);
  return {
    layerNormType: 'WithBias' as const,
    ...blockNorms(C),
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
const chw = ['B', 'C', 'H', 'W'];
const view = (name: string, t: tf.Tensor, dims: string[], extra: Partial<TensorView> = {}) =>
  ({ name, snap: snapshot(t), dims, grid: NCHW, ...extra }) as TensorView;
const norm1View = (norm1: tf.Tensor) =>
  view('norm1', norm1, chw, { caption: 'WithBias LayerNorm over C at each pixel' });

/**
 * The frame that shows a change on step 1 (the default): x and norm1, the block's first line (the
 * tensor core's own layerNormChannels with the block's norm1 weights; the random conv weights are
 * not needed yet); the complete trace follows after the frame (see figure-run.svelte.ts). Every
 * other step shows tensors of the whole block: there it declines (null), and the complete trace
 * runs at once.
 */
export function previewRestormer(
  p: RestormerParams,
  stepAt: (count: number) => number
): Trace | null {
  const texts = restormerStepTexts(p);
  if (stepAt(texts.length) !== 0) return null;
  const steps = scoped(() => {
    const x = seededNormal([1, p.C, p.H, p.W], p.seed, 0, 1);
    const { norm1Weight, norm1Bias } = blockNorms(p.C);
    return onlyStep(texts, 0, [
      view('x', x, chw),
      norm1View(layerNormChannels(x, norm1Weight, norm1Bias))
    ]);
  });
  return { steps, listings: restormerListings };
}

export function traceRestormer(p: RestormerParams): RestormerTrace {
  const { C, H, W, num_heads: heads } = p;
  const c = C / heads;
  const steps = scoped(() => {
    const x = seededNormal([1, C, H, W], p.seed, 0, 1);
    const b = restormerBlock(x, randomBlock(p));
    const a = b.attn;
    const f = b.ffn;
    // Provenance by iota: chunk + rearrange on an index tensor shaped like qkv.
    const ids = tf.split(iota([1, 3 * C, H, W]), 3, 1);
    const idsR = ids.map((t) => tf.reshape(t, [1, heads, c, H * W]));
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
    const norm1 = norm1View(b.norm1);
    const outAv = view('out', a.attnOut, hcn, { caption: 'out = attn @ v' });
    // Each step's tensors, in the order of restormerStepTexts.
    return withTensors(restormerStepTexts(p), [
      [view('x', x, chw), norm1],
      [norm1, view('qkv_1x1', a.qkvPointwise, ['B', '3C', 'H', 'W'], { caption: 'self.qkv(x)' })],
      [qkvView],
      [qkvView, ...chunked],
      [qkvView, ...rearranged],
      normed,
      [...normed, logits],
      [logits, attn],
      [attn, rearranged[2], outAv],
      [view('out', a.merged, chw)],
      [view('out', a.out, chw, { caption: 'self.project_out(out): MDTA’s output' })],
      [view('x', x, chw), afterAttn],
      [view('norm2', b.norm2, chw)],
      [view('projected', f.projected, ['B', '2·hidden', 'H', 'W'])],
      [view('dw', f.dw, ['B', '2·hidden', 'H', 'W'])],
      [x1, x2],
      [x1, x2, view('gated', f.gated, ['B', 'hidden', 'H', 'W'])],
      [ffnOut],
      [afterAttn, ffnOut, view('block_out', b.out, chw)]
    ]);
  });
  const costs = restormerCosts(C, heads, 8);
  return { steps, listings: restormerListings, costs };
}
