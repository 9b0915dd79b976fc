/**
 * The /window-partition trace: pad (if needed) → 6-D view → permute → flatten → and back.
 * Runs the real ops from the tensor core on a seeded input, and again on an index tensor for
 * provenance, so every step and every hover link is computed, not written.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  padToWindowMultiple,
  snapshot,
  windowPadding,
  windowPartitionSteps,
  windowReverseSteps
} from '$lib/tensor';
import tsSource from '$lib/tensor/window.ts?raw';
import pySource from '../../scripts/golden/window.py?raw';
import { listing } from '$lib/trace/listing';
import { iota, provenanceOf } from '$lib/trace/provenance';
import { scoped } from '$lib/trace/scoped';
import type { Step, Trace } from '$lib/trace/types';
import { seededNormal } from '$lib/tensor/random';

export interface WindowPartitionParams {
  B: number;
  H: number;
  W: number;
  C: number;
  window_size: number;
  seed: number;
}

export const windowPartitionListings = [
  listing('PyTorch (ours, made the fixtures)', 'python', pySource, [
    'pad_to_window_multiple',
    'window_partition',
    'window_reverse'
  ]),
  listing('TensorFlow.js (runs this page)', 'typescript', tsSource, [
    'padToWindowMultiple',
    'windowPartitionSteps',
    'windowReverseSteps'
  ])
];

/** Seeded N(0,1) input `x [B, H, W, C]`, channels-last as `window_partition` expects. */
export function seededInput(p: WindowPartitionParams): tf.Tensor {
  return seededNormal([p.B, p.H, p.W, p.C], p.seed, 0, 1);
}

/** SwinIR pads NCHW images; our x is NHWC, so pad through a transpose to NCHW and back. */
function padNHWC(x: tf.Tensor, ws: number): tf.Tensor {
  return tf.transpose(padToWindowMultiple(tf.transpose(x, [0, 3, 1, 2]), ws), [0, 2, 3, 1]);
}

export function traceWindowPartition(p: WindowPartitionParams): Trace {
  const ws = p.window_size;
  const { modPadH, modPadW } = windowPadding(p.H, p.W, ws);
  const padded = modPadH > 0 || modPadW > 0;
  const Hp = p.H + modPadH;
  const Wp = p.W + modPadW;
  const nh = Hp / ws;
  const nw = Wp / ws;
  const nW = nh * nw;

  const steps = scoped(() => {
    const x = seededInput(p);
    const id = iota(x.shape);
    const xp = padded ? padNHWC(x, ws) : x;
    const idp = padded ? padNHWC(id, ws) : id;
    const part = windowPartitionSteps(xp, ws);
    const partId = windowPartitionSteps(idp, ws);
    const rev = windowReverseSteps(part.windows, ws, Hp, Wp);
    const revId = windowReverseSteps(partId.windows, ws, Hp, Wp);
    const xReversed = padded ? tf.slice(rev.x, [0, 0, 0, 0], [p.B, p.H, p.W, p.C]) : rev.x;
    const revIdCropped = padded ? tf.slice(revId.x, [0, 0, 0, 0], [p.B, p.H, p.W, p.C]) : revId.x;

    const xView = {
      name: 'x',
      snap: snapshot(x),
      dims: ['B', 'H', 'W', 'C'],
      provenance: provenanceOf(id),
      guides: { every: ws }
    };
    const paddedView = {
      name: 'x_padded',
      snap: snapshot(xp),
      dims: ['B', 'H_pad', 'W_pad', 'C'],
      provenance: provenanceOf(idp),
      guides: { every: ws },
      caption: `Reflect-padded by ${modPadH} row(s) and ${modPadW} column(s) at the bottom/right`
    };
    const windowsView = {
      name: 'windows',
      snap: snapshot(part.windows),
      dims: ['B·nW', 'ws', 'ws', 'C'],
      provenance: provenanceOf(partId.windows),
      grid: { rows: 1, cols: 2, facets: [0, 3], wrap: Math.max(nw * p.C, 1) }
    };
    const list: Step[] = [];
    if (padded) {
      list.push({
        id: 'pad',
        title: `Pad ${p.H}×${p.W} to ${Hp}×${Wp}`,
        explain:
          'SwinIR reflect-pads the bottom and right so H and W become multiples of the window.',
        tensors: [xView, paddedView]
      });
    }
    const source = padded ? paddedView : xView;
    list.push(
      {
        id: 'view6',
        title: 'View as 6-D',
        explain:
          'view splits H into (H/ws, ws) and W into (W/ws, ws). No data moves: the same memory, read with a new shape.',
        tensors: [
          {
            ...source,
            viewShape: {
              sizes: part.view6.shape,
              dims: ['B', 'H/ws', 'ws', 'W/ws', 'ws', 'C']
            }
          }
        ]
      },
      {
        id: 'permute',
        title: 'Permute (0, 1, 3, 2, 4, 5)',
        explain:
          'Swapping axes 2 and 3 puts the window-grid axes (H/ws, W/ws) side by side, then the in-window axes (ws, ws): each window becomes one contiguous tile.',
        tensors: [
          source,
          {
            ...windowsView,
            name: 'windows',
            viewShape: { sizes: part.permuted.shape, dims: ['B', 'H/ws', 'W/ws', 'ws', 'ws', 'C'] }
          }
        ]
      },
      {
        id: 'flatten',
        title: 'Flatten to windows',
        explain: `view(-1, ws, ws, C) merges (B, H/ws, W/ws) into one window axis of B·nW = ${p.B}·${nW} = ${p.B * nW}: each window is a batch row.`,
        tensors: [source, windowsView]
      },
      {
        id: 'reverse',
        title: 'window_reverse: back to the image',
        explain:
          'window_reverse views the windows as (B, H/ws, W/ws, ws, ws, C) and applies the same permute (it is its own inverse), then views as (B, H, W, C).',
        tensors: [
          windowsView,
          {
            name: 'x_reversed',
            snap: snapshot(xReversed),
            dims: ['B', 'H', 'W', 'C'],
            provenance: provenanceOf(revIdCropped),
            guides: { every: ws },
            caption: padded ? 'Cropped back to the input size, as SwinIR does' : undefined
          }
        ]
      }
    );
    return list;
  });
  return { steps, listings: windowPartitionListings };
}
