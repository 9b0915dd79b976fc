/**
 * The six steps of /unfold-fold, each with the sentence that explains it, written from the
 * numbers of the run: pad → unfold (columns) → unfold (rows) → fold → count → divide.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { snapshot } from '$lib/tensor';
import type { Step } from '$lib/trace/types';
import type { UnfoldFoldRun } from './restore';
import { uncovered, uncoveredSentence, type CoverParams } from './uncovered';
import type { UnfoldFoldViews } from './views';

/** Steps for input `x [1, C, H, W]`, its run `r` and its views; call inside a tidy scope. */
export function unfoldFoldSteps(
  p: CoverParams & { C: number },
  x: tf.Tensor,
  r: UnfoldFoldRun,
  views: UnfoldFoldViews
): Step[] {
  const { H, W, C, kernel_size: k, stride: s, padding: pad } = p;
  const { Hp, Wp, N, rowsU, L, pid, patchLinks, offsetLinks, count, patches } = views;
  const { imageView, unfoldView, paddedView, countView } = views;
  const outH = new Set(patches.map((b) => b.y)).size;
  const outW = L / outH;
  const u = uncovered(count.data, H, W);
  const gap = uncoveredSentence(u, p, outH, outW);
  const maxCount = Math.max(...count.data);
  const constant = (k / s) ** 2;
  const errData = snapshot(r.errorConst).data;
  let maxErr = 0;
  let maxErrCovered = 0;
  const restored = snapshot(r.xRestored).data;
  const xData = snapshot(x).data;
  for (let i = 0; i < errData.length; i++) maxErr = Math.max(maxErr, Math.abs(errData[i]));
  for (let i = 0; i < restored.length; i++) {
    if (count.data[i % (H * W)] > 0)
      maxErrCovered = Math.max(maxErrCovered, Math.abs(restored[i] - xData[i]));
  }
  const fmt = (v: number) => (v === 0 ? '0' : v < 1e-3 ? v.toExponential(1) : v.toFixed(3));

  return [
    {
      id: 'pad',
      title: 'Padded input and its patches',
      explain:
        `unfold first pads x by ${pad} on every side (${H}×${W} → ${Hp}×${Wp}) and slides a ` +
        `${k}×${k} window by ${s}: ${outH} positions down × ${outW} across = L = ${L} patches. ` +
        'Move the patch slider or hover a cell to see which patches read it.',
      tensors: [imageView('x', x), paddedView]
    },
    {
      id: 'unfold_cols',
      title: 'unfold: a column is a patch',
      explain:
        `F.unfold copies each patch into one column: x_unfold is [1, C·k·k, L] = [1, ${rowsU}, ${L}]. ` +
        'Column l = oy·OW + ox is the patch at (oy, ox). Hover any cell to see its whole column and that patch in x_padded.',
      tensors: [paddedView, unfoldView((f) => patchLinks(f % L), 'hover: the column and its patch')]
    },
    {
      id: 'unfold_rows',
      title: 'unfold: a row is one offset',
      explain:
        `Row c·k·k + ky·k + kx holds offset (ky, kx) of channel c in every patch: rows 0–${k * k - 1} are channel 0` +
        (C > 1 ? `, rows ${k * k}–${2 * k * k - 1} channel 1 (channel-major)` : '') +
        '. Hover any cell to see its row and that pixel of every patch.',
      tensors: [
        paddedView,
        unfoldView(
          (f) => offsetLinks(Math.floor(f / L)),
          'hover: the row and that offset in every patch'
        )
      ]
    },
    {
      id: 'fold',
      title: 'fold: overlaps are summed',
      explain:
        'F.fold puts every column back where its patch came from and adds entries that land on the same pixel ' +
        '(entries that land in the padding are dropped). Hover an output pixel to see every column entry that adds into it.',
      tensors: [
        unfoldView((f) => [N + f, pid[f]], 'hover: the pixel this entry adds into'),
        imageView('x_fold', r.xFold, `x_fold = overlap_count ⊙ x: up to ${maxCount}× the input`)
      ]
    },
    {
      id: 'count',
      title: 'Overlap count fold(unfold(ones))',
      explain:
        `Folding the unfolded ones counts the patches over each pixel: here from ${Math.min(...count.data)} to ${maxCount}. ` +
        (gap || 'Every pixel is covered at least once.'),
      tensors: [countView, imageView('x_fold', r.xFold)]
    },
    {
      id: 'divide',
      title: 'Divide: by the count, or by a constant',
      explain:
        `x_fold / overlap_count restores x: max |x_restored − x| over covered pixels = ${fmt(maxErrCovered)}. ` +
        `Dividing by the constant (kernel_size/stride)² = ${Number(constant.toFixed(3))} is right only where the count equals it; ` +
        `elsewhere error_const = x_div_const − x reaches ${fmt(maxErr)}. ` +
        (gap ? gap : ''),
      tensors: [
        imageView('x', x),
        imageView('x_restored', r.xRestored, 'x_fold / max(overlap_count, 1)'),
        imageView('x_div_const', r.xDivConst, `x_fold / ${Number(constant.toFixed(3))}`),
        imageView(
          'error_const',
          r.errorConst,
          'x_div_const − x (0 only where the count is the constant)'
        )
      ]
    }
  ];
}
