/**
 * The seven steps of /ttsr-search-transfer, each with the sentence that explains it, written from
 * the numbers of the run: unfold → normalise → R = bmm → max → gather (bis) → fold → divide.
 */
import * as tf from '@tensorflow/tfjs-core';
import { snapshot, type SearchTransferResult } from '$lib/tensor';
import type { ttsrInputs } from './features';
import type { TtsrGrid, TtsrViews } from './views';
import type { Step } from '$lib/trace/types';

/** One run on the page's pair: the five features, and searchTransfer with ÷ 9 and with the post's divisor. */
export interface TtsrRun {
  inp: ReturnType<typeof ttsrInputs>;
  off: SearchTransferResult;
  post: SearchTransferResult;
  index: Int32Array;
  score: Float32Array;
}

/** Steps for the run on grids `g`, drawn with `views`; call inside a tidy scope. */
export function ttsrSteps(g: TtsrGrid, run: TtsrRun, views: TtsrViews): Step[] {
  const { hr, wr } = g;
  const HW = g.h * g.w;
  const { inp, off, post, index, score } = run;
  const { lrImage, refImage, perPosition, lrUnfold, refUnfold } = views;
  const lrsr = lrImage(
    'lrsr_lv3',
    inp.lrsrLv3,
    1,
    'LR↑ features at lv3 (stand-in: centred RGB, pooled by 4)'
  );
  const refsr = refImage('refsr_lv3', inp.refsrLv3, 1, 'Ref↓↑ features at lv3');
  const refLv3 = refImage('ref_lv3', inp.refLv3, 1, 'Ref features at lv3 (what is transferred)');
  const R = views.relevance(off.R);
  const diffLv = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
  const diffs = [
    diffLv(off.T_lv3, post.T_lv3),
    diffLv(off.T_lv2, post.T_lv2),
    diffLv(off.T_lv1, post.T_lv1)
  ];
  const divisor = snapshot(post.divisorLv3).data;
  const dMin = Math.min(...divisor);
  const dMax = Math.max(...divisor);
  const meanScore = score.reduce((a, b) => a + b, 0) / HW;
  const f3 = (v: number) => v.toFixed(3);
  const bestJ = score.indexOf(Math.max(...score));

  return [
    {
      id: 'unfold',
      title: 'Unfold 3×3 patches',
      explain:
        `Both feature maps are unfolded with kernel 3, padding 1: every LR position becomes a column of C·9 = ${off.lrsrLv3Unfold.shape[1]} ` +
        `values (${HW} columns), every reference position a row (${hr * wr} rows, transposed by permute(0, 2, 1)).`,
      tensors: [
        lrsr,
        refsr,
        lrUnfold(off.lrsrLv3Unfold, 'F.unfold(lrsr_lv3, 3, padding=1)'),
        refUnfold(off.refsrLv3Unfold, 'F.unfold(refsr_lv3, 3, padding=1).permute(0, 2, 1)')
      ]
    },
    {
      id: 'normalize',
      title: 'L2-normalise each patch',
      explain:
        'F.normalize makes every patch a unit vector (dim=1 for the LR columns, dim=2 for the reference rows), so a dot product is a cosine in [−1, 1].',
      tensors: [
        lrUnfold(off.lrsrLv3Normed, 'after F.normalize(dim=1): unit columns'),
        refUnfold(off.refsrLv3Normed, 'after F.normalize(dim=2): unit rows')
      ]
    },
    {
      id: 'relevance',
      title: 'Relevance R = bmm',
      explain: `R = bmm(refsr_lv3_unfold, lrsr_lv3_unfold) is [B, Hr·Wr, H·W] = [1, ${hr * wr}, ${HW}]: the cosine of every reference patch with every LR patch. Hover a cell to see both positions.`,
      tensors: [R, lrsr, refsr]
    },
    {
      id: 'max',
      title: 'max over dim 1: score and index',
      explain:
        `torch.max(R, dim=1) keeps, for each LR position, the best reference patch: index (hard attention) and its cosine, score (soft attention S). ` +
        `Mean score ${f3(meanScore)}; the best match is LR position ${bestJ} ← reference patch ${index[bestJ]} at ${f3(score[bestJ])}.`,
      tensors: [
        R,
        perPosition('score', off.score, 'max of each column of R'),
        perPosition('index', off.index, 'argmax: the chosen reference patch'),
        lrImage('S', off.S, 1, 'score.view(B, 1, H, W)')
      ]
    },
    {
      id: 'gather',
      title: 'Gather the chosen patches (bis)',
      explain:
        'bis expands index to [B, C·k·k, H·W] and gathers along the block axis: column j of T_lv3_unfold is column index[j] of ref_lv3_unfold. The arrows below go from each chosen reference patch to the LR position that takes it.',
      tensors: [refLv3, perPosition('index', off.index, 'argmax: the chosen reference patch')]
    },
    {
      id: 'fold',
      title: 'Fold at three levels, ÷ 9 (official)',
      explain:
        'The same index picks patches at three scales: kernel 3/6/12, stride 1/2/4, padding 1/2/4, folded to H×W, 2H×2W and 4H×4W and divided by 9, as the official TTSR does. Hover an output pixel: the LR positions whose patches fold into it light up.',
      tensors: [
        lrImage('T_lv3', off.T_lv3, 1, 'fold(…, k=3, s=1, p=1) / 9'),
        lrImage('T_lv2', off.T_lv2, 2, 'fold(…, k=6, s=2, p=2) / 9', 6, 2, 2),
        lrImage('T_lv1', off.T_lv1, 4, 'fold(…, k=12, s=4, p=4) / 9', 12, 4, 4)
      ]
    },
    {
      id: 'divide',
      title: 'Official ÷ 9 against the post’s divisor',
      explain:
        `Official TTSR (researchmm/TTSR SearchTransfer.py) divides every level by 9. The post divides by fold(bis(unfold(ones))), here ${dMin} to ${dMax} at lv3; ` +
        `the two agree where the divisor is 9 and differ at the output border and wherever a chosen patch came from the reference's border (it contains padding), by up to ${f3(diffs[0])} (lv3), ${f3(diffs[1])} (lv2) and ${f3(diffs[2])} (lv1).`,
      tensors: [
        lrImage('T_lv3', off.T_lv3, 1, 'official: / 9'),
        lrImage('divisor_lv3', post.divisorLv3, 1, "the post's divisor: fold(bis(unfold(ones)))"),
        lrImage('T_lv3_post', post.T_lv3, 1, "the post's variant: / divisor_lv3"),
        lrImage(
          'T_lv3_diff',
          tf.sub(off.T_lv3, post.T_lv3),
          1,
          'official − post: 0 exactly where divisor_lv3 is 9'
        )
      ]
    }
  ];
}
