/**
 * The /heads-vs-convolution trace. W-MSA on a seeded 2×2-window image with seeded random weights
 * (no trained model), then three live experiments and a comparison of five operators — window
 * attention, depthwise conv, grouped conv, Restormer's MDTA and NAFNet's SCA — each measured as a
 * Jacobian (see `$lib/tensor/kernel-properties`). Every number the page prints comes from here:
 * the experiments in heads-vs-convolution-experiments.ts, the steps and their hover links in
 * heads-vs-convolution-steps.ts, the numbers for the prose in heads-vs-convolution-facts.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  attnTimesV,
  channelKernels,
  conv2dNchw,
  mdta,
  simpleGate,
  sca,
  snapshot,
  windowPartition
} from '$lib/tensor';
import tsSource from '$lib/tensor/heads-vs-conv.ts?raw';
import pySwin from '../../scripts/golden/swin.py?raw';
import pyRestormer from '../../scripts/golden/restormer.py?raw';
import pyNafnet from '../../scripts/golden/nafnet.py?raw';
import { attention, measureExperiments, randomWeights } from './experiments';
import type { HeadsVsConvExperiments } from './experiments';
import { headsVsConvSteps } from './steps';
import { listing } from '$lib/trace/listing';
import { provenanceOf } from '$lib/trace/provenance';
import { scoped } from '$lib/trace/scoped';
import type { Trace } from '$lib/trace/types';
import { seededNormal } from '$lib/tensor/random';

export type { HeadsVsConvExperiments, OperatorId, OperatorRow } from './experiments';

export interface HeadsVsConvParams {
  C: number;
  window_size: number;
  num_heads: number;
  seed: number;
  pixel: number;
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

/** The steps' tensors without the experiments (eight Jacobians): what a change shows first. */
export function previewHeadsVsConv(p: HeadsVsConvParams): Trace {
  return traceSteps(p, false);
}

export function traceHeadsVsConv(p: HeadsVsConvParams): HeadsVsConvTrace {
  return traceSteps(p, true) as HeadsVsConvTrace;
}

function traceSteps(p: HeadsVsConvParams, measure: boolean): Trace | HeadsVsConvTrace {
  const { C, window_size: M, num_heads: heads, seed, pixel } = p;
  const N = M * M;
  return scoped(() => {
    const w = randomWeights(p);
    const x = seededNormal([1, 2 * M, 2 * M, C], seed, 0, 1);
    const tokens = tf.reshape(windowPartition(x, M), [4, N, C]);
    const res = attention(tokens, w, heads, M);
    const out = attnTimesV(res.attn, res.v);
    const attn0 = tf.squeeze(tf.slice(res.attn, [0, 0, 0, 0], [1, heads, N, N]), [0]);
    const kernels = channelKernels(attn0, pixel, C);
    const xNchw = tf.transpose(x, [0, 3, 1, 2]);
    const md = mdta(xNchw, w.mdta);
    const gate = simpleGate(conv2dNchw(xNchw, w.gateWeight, null, { name: 'conv1' }));
    const sc = sca(gate, w.sca);

    const experiments = measure ? measureExperiments(p, w, tokens, res, md.attn) : null;
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
    const trace = { steps, listings: headsVsConvListings };
    return experiments ? { ...trace, experiments } : trace;
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
