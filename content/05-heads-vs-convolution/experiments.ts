/**
 * The live experiments of /heads-vs-convolution and the operators they compare: seeded random
 * weights (no trained model) for window attention, MDTA, SimpleGate + SCA and the two convolutions,
 * and the measurements — channel independence for every head count, distinct maps per window, and
 * each operator's Jacobian properties (see `$lib/tensor/kernel-properties`).
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  channelIndependence,
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
  windowAttention,
  windowAttentionOp,
  type ChannelIndependence,
  type KernelProperties,
  type LinearOp
} from '$lib/tensor';
import { divisors } from '$lib/figure/params';
import type { HeadsVsConvParams } from './trace';
import { seededNormal } from '$lib/tensor/random';

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

/** Seeded random weights for every operator on the page (not a trained model). */
export function randomWeights(p: HeadsVsConvParams) {
  const { C, window_size: M, num_heads: heads, seed } = p;
  const r = (shape: number[], k: number, std = 1) => seededNormal(shape, seed * 31 + k, 0, std);
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

export type Weights = ReturnType<typeof randomWeights>;

/** Window attention on `tokens [4, N, C]` with the first `heads` columns of the bias table. */
export function attention(tokens: tf.Tensor, w: Weights, heads: number, M: number) {
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

/**
 * Experiments 1–3 and the comparison table, on the trace's `tokens [4, N, C]` (four M×M windows),
 * its attention result `res` and MDTA's map `mdtaAttn [1, heads, C/heads, C/heads]`.
 */
export function measureExperiments(
  p: HeadsVsConvParams,
  w: Weights,
  tokens: tf.Tensor,
  res: ReturnType<typeof attention>,
  mdtaAttn: tf.Tensor4D
): HeadsVsConvExperiments {
  const { C, window_size: M, num_heads: heads, pixel } = p;
  const N = M * M;
  // The comparison: every operator on window 0 (x) and window 1 (x′) as M×M images.
  const win = (i: number) =>
    tf.transpose(tf.reshape(tf.slice(tokens, [i, 0, 0], [1, N, C]), [1, M, M, C]), [0, 3, 1, 2]);
  const [x0, x1] = [win(0), win(1)];
  const attnOf = (i: number) => tf.squeeze(tf.slice(res.attn, [i, 0, 0, 0], [1, heads, N, N]), [0]);
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
  const offDiag = mdtaAttn.arraySync()[0].flatMap((m) => m.map((row, i) => 1 - row[i]));
  return {
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
}
