/**
 * Exercises of /ttsr-search-transfer, checked against the real `searchTransfer` (TTSR's
 * `SearchTransfer.forward`) run on seeded features, with both divisors, and `overlapCount`.
 */
import { overlapCount, searchTransfer, seededUniform, snapshot } from '$lib/tensor';
import { scoped } from '$lib/trace/scoped';
import { defineExercise, ints, shapeText, type Rng } from '$lib/figure/exercise-types';
import { valueAt } from '$lib/figure/exercise-tensors';

type Sizes = { C: number; H: number; W: number; Hr: number; Wr: number };

function sizes(rng: Rng): Sizes {
  return {
    C: rng.int(1, 3),
    H: rng.int(2, 4),
    W: rng.int(2, 4),
    Hr: rng.int(2, 4),
    Wr: rng.int(2, 4)
  };
}

/** SearchTransfer on seeded features: LR lv3 (H×W), Ref↓↑ lv3 (Hr×Wr), Ref at three levels. */
function run(p: Sizes, divide: 'constant9' | 'foldedOnes' = 'constant9') {
  const { C, H, W, Hr, Wr } = p;
  return scoped(() => {
    const u = (shape: number[], k: number) => seededUniform(shape, k, -0.5, 0.5);
    const r = searchTransfer(
      u([1, C, H, W], 1),
      u([1, C, Hr, Wr], 2),
      u([1, C, 4 * Hr, 4 * Wr], 3),
      u([1, C, 2 * Hr, 2 * Wr], 4),
      u([1, C, Hr, Wr], 5),
      { divide }
    );
    return {
      R: r.R.shape,
      lrUnfold: r.lrsrLv3Unfold.shape,
      refUnfold: r.refsrLv3Unfold.shape,
      T_lv3: r.T_lv3.shape,
      T_lv1: r.T_lv1.shape,
      divisorLv2: snapshot(r.divisorLv2)
    };
  });
}

const sizesText = (p: Sizes) =>
  `LR features (lrsr_lv3) of shape (1, ${p.C}, ${p.H}, ${p.W}) and a ${p.Hr}×${p.Wr} reference (refsr_lv3, ref_lv3; ref_lv2 and ref_lv1 at 2× and 4×)`;

const tLv1Shape = defineExercise({
  id: 't-lv1-shape',
  kind: 'shape',
  answerLabel: 'shape of T_lv1, comma-separated',
  params: sizes,
  question: (p) =>
    `${sizesText(p)}. What is the shape of \`T_lv1\`, the texture transferred at the finest level?`,
  solve: (p) => {
    const s = run(p);
    return {
      answer: ints(...s.T_lv1),
      answerText: shapeText(s.T_lv1),
      hint: `T_lv3 is ${shapeText(s.T_lv3)}; lv1 is fold with kernel 12, stride 4, padding 4 back to output_size (4H, 4W).`,
      explanation:
        'Each level is folded back to the LR grid at its own scale: lv3 ×1, lv2 ×2, lv1 ×4.',
      mistakes: [
        {
          answer: ints(...s.T_lv3),
          message:
            "That is T_lv3. (The post's forward returns lv1 and lv3 swapped: the official order is S, T_lv3, T_lv2, T_lv1.)"
        },
        {
          answer: ints(1, p.C, 4 * p.Hr, 4 * p.Wr),
          message: 'That is ref_lv1. The gathered patches are folded on the LR grid: 4H × 4W.'
        }
      ]
    };
  }
});

const rShape = defineExercise({
  id: 'r-shape',
  kind: 'shape',
  answerLabel: 'shape of R, comma-separated',
  params: sizes,
  question: (p) =>
    `${sizesText(p)}. What is the shape of the relevance \`R = torch.bmm(refsr_lv3_unfold, lrsr_lv3_unfold)\`?`,
  solve: (p) => {
    const s = run(p);
    const [B, L, hw] = s.R;
    return {
      answer: ints(...s.R),
      answerText: shapeText(s.R),
      hint: `refsr_lv3_unfold (after permute) is ${shapeText(s.refUnfold)} and lrsr_lv3_unfold is ${shapeText(s.lrUnfold)}.`,
      explanation:
        'bmm contracts the patch vectors (C·9): one cosine per (reference patch, LR position).',
      mistakes: [
        {
          answer: ints(B, hw, L),
          message:
            'The reference patches are the rows (refsr is permuted to (B, Hr·Wr, C·9)); max over dim 1 then picks one per LR column.'
        },
        {
          answer: ints(...s.lrUnfold),
          message: 'That is lrsr_lv3_unfold; bmm contracts its C·9 rows away.'
        }
      ]
    };
  }
});

const lv2Divisor = defineExercise({
  id: 'lv2-divisor',
  kind: 'number',
  answerLabel: 'the divisor',
  params: (rng) => {
    const s = sizes(rng);
    const y = rng.next() < 0.5 ? 0 : rng.int(0, 2 * s.H - 1);
    return { ...s, y, x: rng.int(0, 2 * s.W - 1) };
  },
  question: (p) =>
    `${sizesText(p)}. Official TTSR folds the lv2 patches (kernel 6, stride 2, padding 2) into a ${2 * p.H}×${2 * p.W} map. What does it divide pixel (${p.y}, ${p.x}) of the folded map by?`,
  solve: (p) => {
    const official = valueAt(run(p).divisorLv2, []);
    const post = valueAt(run(p, 'foldedOnes').divisorLv2, [0, 0, p.y, p.x]);
    const count = scoped(() =>
      valueAt(snapshot(overlapCount(2 * p.H, 2 * p.W, 6, { stride: 2, padding: 2 })), [p.y, p.x])
    );
    return {
      answer: ints(official),
      answerText: `${official} (the constant 3.*3., at every pixel of every level)`,
      hint: 'Look at the line after F.fold in SearchTransfer.forward: is the divisor a tensor or a number?',
      explanation: 'The official code divides every level by one constant, whatever the pixel.',
      mistakes: [
        {
          answer: ints(count),
          message: `That is the overlap count fold(unfold(ones)) here (${count}). Official TTSR ignores it and divides by the constant 3.*3. — which is why its border is darker.`
        },
        {
          answer: ints(post),
          message:
            "That is the post's divisor, fold(bis(unfold(ones))); the official code divides by a constant."
        }
      ]
    };
  }
});

export const exercises = [tLv1Shape, rShape, lv2Divisor];
