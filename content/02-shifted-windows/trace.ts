/**
 * The /shifted-windows trace: roll → region labels → window_partition of the labels → broadcast
 * difference → masked_fill(−100) → masked softmax → roll back, each run by the real ops on the page's
 * map (and on an index map for provenance), plus the live checks the prose relies on.
 *
 * This file holds the block (`swMsa`, whose source the page shows) and puts the trace together;
 * the inputs, views, steps, checks and the irregular-region reference live beside it.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  roll,
  shiftedWindowMask,
  windowAttention,
  windowPartition,
  windowReverse,
  type WindowAttentionParams
} from '$lib/tensor';
import shiftSource from '$lib/tensor/shift.ts?raw';
import traceSource from './trace.ts?raw';
import pySource from '../../scripts/golden/shifted_windows.py?raw';
import { pickedWindow } from './params';
import { listing, type Listing } from '$lib/trace/listing';
import { scoped } from '$lib/trace/scoped';
import { shiftedWindowsChecks, type ShiftedWindowsChecks } from './checks';
import { inputMap, pageInputs } from './inputs';
import { STEP_IDS, shiftedWindowsSteps } from './steps';
import { shiftedWindowsViews, type WindowGeometry } from './views';
import type { Trace, TensorView } from '$lib/trace/types';

export type { ShiftedWindowsChecks } from './checks';
export { inputMap, seededWeights } from './inputs';
export { irregularAttention, type PlainWeights } from './irregular';

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

export function traceShiftedWindows(p: ShiftedWindowsParams): ShiftedWindowsTrace {
  return traceRun(p, true) as ShiftedWindowsTrace;
}

/**
 * The frame that shows a change draws this; the complete trace follows after it (see
 * figure-run.svelte.ts). On a step before `softmax` it runs the roll and the mask only (the
 * attention is two thirds of the forward pass at the default 9×9), and the attention steps say
 * "(measuring…)". From `softmax` on it runs the forward pass without the live checks (about half
 * of a complete trace: the irregular-region attention they compare with runs once per region).
 */
export function previewShiftedWindows(
  p: ShiftedWindowsParams,
  stepAt: (count: number) => number
): Trace {
  if (stepAt(STEP_IDS.length) >= STEP_IDS.indexOf('softmax')) return traceRun(p, false);
  const g = geometryOf(p);
  return scoped(() => {
    const x = inputMap(g.H, g.W, g.C);
    const shiftedX = roll(x, [-g.s, -g.s], [1, 2]);
    const mask = shiftedWindowMask(g.H, g.W, g.ws, g.s);
    const views = shiftedWindowsViews(x, { shiftedX, ...mask }, g);
    return {
      steps: shiftedWindowsSteps(g, mask, views, null, null),
      listings: shiftedWindowsListings
    };
  });
}

/** Sizes of a trace of `p`. */
function geometryOf(p: ShiftedWindowsParams): WindowGeometry {
  const { H, W, C, window_size: ws, shift_size: s } = p;
  const N = ws * ws;
  const nW = (H / ws) * (W / ws);
  return { H, W, C, ws, s, N, nW, w: pickedWindow(p.window, nW) };
}

function traceRun(p: ShiftedWindowsParams, withChecks: boolean): Trace | ShiftedWindowsTrace {
  const g = geometryOf(p);
  const { H, W, C, ws, s, N, nW } = g;
  return scoped(() => {
    const { x, weights } = pageInputs(H, W, C, ws);
    const r = swMsa(x, weights, ws, s);
    const views = shiftedWindowsViews(x, r, g);
    const attnWeights = tf.reshape(r.attention.attn, [nW, N, N]);
    const logits = tf.reshape(r.attention.attnLogits, [nW, N, N]);
    const attnData = attnWeights.dataSync();
    const a = { logits, attnWeights, attnData, shiftedOut: r.shiftedOut, out: r.out };
    if (!withChecks)
      return {
        steps: shiftedWindowsSteps(g, r, views, a, null),
        listings: shiftedWindowsListings
      };
    const checks = shiftedWindowsChecks(
      {
        x,
        weights,
        out: r.out,
        attnMask: r.attnMask,
        attn: attnWeights,
        attnBiased: r.attention.attnBiased,
        attnData,
        maskData: views.maskSnap.data,
        unmaskedWindows: views.unmaskedWindows
      },
      g
    );
    return {
      steps: shiftedWindowsSteps(g, r, views, a, checks),
      listings: shiftedWindowsListings,
      masks: views.masks,
      picked: g.w,
      nW,
      checks
    };
  });
}
