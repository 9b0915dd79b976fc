/**
 * The seven steps of /shifted-windows, each with the sentence that explains it, written from the
 * numbers of the run: roll → labels → partition → diff → fill → softmax → rollback.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { snapshot } from '$lib/tensor';
import { countWhere, type ShiftedWindowsChecks } from './checks';
import type { ShiftedWindowsViews, SwMsaRun, WindowGeometry } from './views';
import type { Step } from '$lib/trace/types';

/** The steps in order: the ones from `softmax` on show the attention. */
export const STEP_IDS = [
  'roll',
  'labels',
  'partition',
  'diff',
  'fill',
  'softmax',
  'rollback'
] as const;

/**
 * The run's attention as the steps show it: `[nW, N, N]` logits and weights (and the weights'
 * data), and the output maps `[1, H, W, C]` before and after the roll back.
 */
export interface StepAttention {
  logits: tf.Tensor;
  attnWeights: tf.Tensor;
  attnData: ArrayLike<number>;
  shiftedOut: tf.Tensor;
  out: tf.Tensor;
}

export function shiftedWindowsSteps(
  g: WindowGeometry,
  r: Pick<SwMsaRun, 'labelDiff'>,
  views: ShiftedWindowsViews,
  /**
   * Null in the preview of a step before `softmax`, which runs the roll and the mask only: the
   * two attention steps then have no tensors and say "(measuring…)" until the complete trace.
   */
  a: StepAttention | null,
  /** Null in the preview: the rollback's measured agreement follows after the frame. */
  checks: ShiftedWindowsChecks | null
): Step[] {
  const { H, W, C, ws, s, N, nW, w } = g;
  const { xView, shiftedView, maskView, windowsView, pickedNN, imgMask, maskSnap } = views;
  const { pickedLabels, unmaskedWindows, shiftedProv } = views;
  const from = (t: Int32Array, v: number) => t.indexOf(v) / C;
  const home = from(shiftedProv, 0);
  const slice = (t: ArrayLike<number>) => Array.from(t).slice(w * N * N, (w + 1) * N * N);
  const pickedMask = slice(maskSnap.data);
  const pickedMasked = pickedMask.some((v) => v !== 0);
  const smallest = a
    ? Math.min(...slice(a.attnData).filter((_, i) => pickedMask[i] !== 0)).toExponential(2)
    : '(measuring…)';
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
        pickedNN(r.labelDiff, 'label_diff', `window ${w} (the official code calls this attn_mask)`)
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
          `weights down to ${smallest}: about e^−100 of the others, tiny but not 0.`
        : `Window ${w} holds one region, so its mask is all 0 and the softmax sees the plain logits. ` +
          `Pick a window with several labels (window=-1) to see the masked weights.`,
      tensors: a
        ? [
            pickedNN(a.logits, 'attn_logits', `window ${w}: q·kᵀ·scale + bias + attn_mask`, true),
            pickedNN(a.attnWeights, 'attn', `window ${w}: softmax over keys j`, true)
          ]
        : []
    },
    {
      id: 'rollback',
      title: 'torch.roll(x, (s, s)): back',
      explain:
        `window_reverse puts the attention output back on the rolled map, and rolling by +${s} returns ` +
        `every pixel to its place: out agrees with attention on the irregular regions of x ` +
        (checks ? `to ${checks.equivalenceMaxDiff.toExponential(1)}.` : `(measuring…).`),
      tensors: a
        ? [
            {
              ...shiftedView,
              name: 'shifted_out',
              snap: snapshot(a.shiftedOut),
              caption: 'window_reverse(attn_windows) (shifted_x in the official code)'
            },
            {
              ...xView,
              name: 'out',
              snap: snapshot(a.out),
              caption: `torch.roll(shifted_out, shifts=(${s}, ${s}), dims=(1, 2))`
            }
          ]
        : []
    }
  ];
}
