/**
 * TTSR's hard-attention texture transfer, mirroring researchmm/TTSR `model/SearchTransfer.py`
 * (`SearchTransfer.forward` and `bis`), https://github.com/researchmm/TTSR.
 *
 * Relevance between every 3×3 patch of the upsampled LR features and every 3×3 patch of the
 * down-up-sampled reference features is a cosine similarity; each LR position takes the single
 * best reference patch (argmax), at three scales, and folds the chosen patches back into a map.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkRank } from './check';
import { blockIndexSelect, fold, unfold } from './fold';

/**
 * `F.normalize(x, p=2, dim=axis, eps=1e-12)`: `x / max(‖x‖₂, eps)` along `axis`.
 * A zero vector stays zero (it is divided by eps, not by 0).
 */
export function l2Normalize(x: tf.Tensor, axis: number, eps = 1e-12): tf.Tensor {
  check(
    Number.isInteger(axis) && axis >= -x.rank && axis < x.rank,
    () => `axis=${axis} is not an axis of a ${x.rank}-D tensor`
  );
  return tf.tidy(() => tf.div(x, tf.maximum(tf.sqrt(tf.sum(tf.square(x), axis, true)), eps)));
}

export type TransferDivide = 'constant9' | 'foldedOnes';

export interface SearchTransferOptions {
  /**
   * `'constant9'` (default): the official TTSR, `F.fold(...) / (3.*3.)` at every level.
   * `'foldedOnes'`: the Russian post's variant, `F.fold(...) / fold(bis(unfold(ones_like(ref))))`.
   */
  divide?: TransferDivide;
}

/** One transfer level: lv3 (k3, s1, p1), lv2 (k6, s2, p2) or lv1 (k12, s4, p4). */
const LEVELS = [
  { name: 'lv3', kernelSize: 3, stride: 1, padding: 1, factor: 1 },
  { name: 'lv2', kernelSize: 6, stride: 2, padding: 2, factor: 2 },
  { name: 'lv1', kernelSize: 12, stride: 4, padding: 4, factor: 4 }
] as const;

/**
 * Shapes: lrsr `[B, C, H, W]`, refsr `[B, C, Hr, Wr]`, ref level f (f = 1, 2, 4 for lv3, lv2,
 * lv1) `[B, c_f, f·Hr, f·Wr]`. The reference may be another size than the LR; every level's
 * unfold then has `Hr·Wr` columns, so one index serves all three.
 *
 * Names follow the official variables (`lrsr_lv3_unfold` → `lrsrLv3Unfold`, …); where the
 * official code reassigns a name (after `F.normalize`) we keep both versions.
 */
export type SearchTransferResult = {
  /** `F.unfold(lrsr_lv3, 3, padding=1)`: `[B, C·9, H·W]`. */
  lrsrLv3Unfold: tf.Tensor3D;
  /** `F.unfold(refsr_lv3, 3, padding=1).permute(0, 2, 1)`: `[B, Hr·Wr, C·9]`. */
  refsrLv3Unfold: tf.Tensor3D;
  /** L2-normalised along dim 1 (each LR patch a unit vector): `[B, C·9, H·W]`. */
  lrsrLv3Normed: tf.Tensor3D;
  /** L2-normalised along dim 2 (each reference patch a unit vector): `[B, Hr·Wr, C·9]`. */
  refsrLv3Normed: tf.Tensor3D;
  /** Relevance, `bmm(refsr, lrsr)`: cosine of every (reference patch, LR patch), `[B, Hr·Wr, H·W]`. */
  R: tf.Tensor3D;
  /** `max(R, dim=1)` values: `[B, H·W]`. */
  score: tf.Tensor2D;
  /** `max(R, dim=1)` indices (the best reference patch per LR position), int32 `[B, H·W]`. */
  index: tf.Tensor2D;
  /** `score.view(B, 1, H, W)`: the soft-attention map. */
  S: tf.Tensor4D;
  /** `F.unfold(ref_lv3, 3, padding=1, stride=1)`: `[B, c₃·9, Hr·Wr]`. */
  refLv3Unfold: tf.Tensor3D;
  /** `F.unfold(ref_lv2, 6, padding=2, stride=2)`: `[B, c₂·36, Hr·Wr]`. */
  refLv2Unfold: tf.Tensor3D;
  /** `F.unfold(ref_lv1, 12, padding=4, stride=4)`: `[B, c₁·144, Hr·Wr]`. */
  refLv1Unfold: tf.Tensor3D;
  /** `bis(ref_lv3_unfold, 2, index)`: `[B, c₃·9, H·W]`. */
  T_lv3_unfold: tf.Tensor3D;
  /** `bis(ref_lv2_unfold, 2, index)`: `[B, c₂·36, H·W]`. */
  T_lv2_unfold: tf.Tensor3D;
  /** `bis(ref_lv1_unfold, 2, index)`: `[B, c₁·144, H·W]`. */
  T_lv1_unfold: tf.Tensor3D;
  /** `F.fold(T_lv3_unfold, (H, W), 3, padding=1)` before dividing: `[B, c₃, H, W]`. */
  T_lv3_folded: tf.Tensor4D;
  /** Same at lv2: `[B, c₂, 2H, 2W]`. */
  T_lv2_folded: tf.Tensor4D;
  /** Same at lv1: `[B, c₁, 4H, 4W]`. */
  T_lv1_folded: tf.Tensor4D;
  /** What lv3 was divided by: scalar 9 (`'constant9'`) or `[B, c₃, H, W]` (`'foldedOnes'`). */
  divisorLv3: tf.Tensor;
  /** What lv2 was divided by: scalar 9 or `[B, c₂, 2H, 2W]`. */
  divisorLv2: tf.Tensor;
  /** What lv1 was divided by: scalar 9 or `[B, c₁, 4H, 4W]`. */
  divisorLv1: tf.Tensor;
  /** Transferred texture at lv3: `[B, c₃, H, W]`. */
  T_lv3: tf.Tensor4D;
  /** Transferred texture at lv2: `[B, c₂, 2H, 2W]`. */
  T_lv2: tf.Tensor4D;
  /** Transferred texture at lv1: `[B, c₁, 4H, 4W]`. */
  T_lv1: tf.Tensor4D;
};

/**
 * `SearchTransfer.forward(lrsr_lv3, refsr_lv3, ref_lv1, ref_lv2, ref_lv3)`.
 *
 * The official module returns the tuple `(S, T_lv3, T_lv2, T_lv1)` and `TTSR.py` unpacks it in
 * that order; the Russian post's `Transfer` returns `(score, T_lv1, T_lv2, T_lv3)`, so used as a
 * drop-in it swaps lv1 and lv3. Here everything is returned by name.
 *
 * `divide` picks the normalisation after fold: the official constant 9 is the overlap count
 * only where 9 patches overlap (interior of lv3; the lv2/lv1 interiors too, since k/s = 3); the
 * post's folded-ones divisor counts how many of the *gathered* patches' cells were real pixels.
 */
export function searchTransfer(
  lrsrLv3: tf.Tensor,
  refsrLv3: tf.Tensor,
  refLv1: tf.Tensor,
  refLv2: tf.Tensor,
  refLv3: tf.Tensor,
  opts: SearchTransferOptions = {}
): SearchTransferResult {
  const divide = opts.divide ?? 'constant9';
  check(
    divide === 'constant9' || divide === 'foldedOnes',
    () => `divide must be 'constant9' (official TTSR) or 'foldedOnes' (the post), got '${divide}'`
  );
  checkRank('lrsr_lv3', lrsrLv3, 4, 'B,C,H,W');
  checkRank('refsr_lv3', refsrLv3, 4, 'B,C,Hr,Wr');
  checkRank('ref_lv1', refLv1, 4, 'B,C,4·Hr,4·Wr');
  checkRank('ref_lv2', refLv2, 4, 'B,C,2·Hr,2·Wr');
  checkRank('ref_lv3', refLv3, 4, 'B,C,Hr,Wr');
  const [B, C, H, W] = lrsrLv3.shape;
  const [, , Hr, Wr] = refsrLv3.shape;
  check(
    refsrLv3.shape[0] === B && refsrLv3.shape[1] === C,
    () =>
      `refsr_lv3 [${refsrLv3.shape.join(', ')}] must have the batch and channels of lrsr_lv3 ` +
      `[${lrsrLv3.shape.join(', ')}]: relevance compares their patches`
  );
  const refs = { lv3: refLv3, lv2: refLv2, lv1: refLv1 };
  for (const { name, factor } of LEVELS) {
    const ref = refs[name];
    check(
      ref.shape[0] === B && ref.shape[2] === factor * Hr && ref.shape[3] === factor * Wr,
      () =>
        `ref_${name} must be [B=${B}, C, ${factor}·Hr=${factor * Hr}, ${factor}·Wr=${factor * Wr}] ` +
        `for refsr_lv3 of ${Hr}×${Wr}, got [${ref.shape.join(', ')}]`
    );
  }

  return tf.tidy(() => {
    const k3 = { stride: 1, padding: 1 };
    const lrsrLv3Unfold = unfold(lrsrLv3, 3, k3); // @step unfold
    const refsrLv3Unfold = tf.transpose(unfold(refsrLv3, 3, k3), [0, 2, 1]) as tf.Tensor3D; // @step unfold
    const lrsrLv3Normed = l2Normalize(lrsrLv3Unfold, 1) as tf.Tensor3D; // @step normalize
    const refsrLv3Normed = l2Normalize(refsrLv3Unfold, 2) as tf.Tensor3D; // @step normalize
    const R = tf.matMul(refsrLv3Normed, lrsrLv3Normed) as tf.Tensor3D; // @step relevance max
    // torch.max(R, dim=1): values and first index of the maximum.
    const score = tf.max(R, 1) as tf.Tensor2D; // @step max
    const index = tf.argMax(R, 1) as tf.Tensor2D; // @step max

    const out: Record<string, tf.Tensor> = {};
    for (const { name, kernelSize, stride, padding, factor } of LEVELS) {
      const o = { stride, padding };
      const size: [number, number] = [factor * H, factor * W];
      const refUnfold = unfold(refs[name], kernelSize, o); // @step gather
      const tUnfold = blockIndexSelect(refUnfold, index); // @step gather
      const folded = fold(tUnfold, size, kernelSize, o); // @step fold
      const divisor =
        divide === 'constant9'
          ? tf.scalar(9) // official TTSR // @step fold divide
          : fold(
              blockIndexSelect(unfold(tf.onesLike(refs[name]), kernelSize, o), index), // the post // @step divide
              size,
              kernelSize,
              o
            );
      const Lv = name.slice(0, 1).toUpperCase() + name.slice(1);
      out[`ref${Lv}Unfold`] = refUnfold;
      out[`T_${name}_unfold`] = tUnfold;
      out[`T_${name}_folded`] = folded;
      out[`divisor${Lv}`] = divisor;
      out[`T_${name}`] = tf.div(folded, divisor); // @step fold divide
    }
    const S = tf.reshape(score, [B, 1, H, W]) as tf.Tensor4D;
    return {
      lrsrLv3Unfold,
      refsrLv3Unfold,
      lrsrLv3Normed,
      refsrLv3Normed,
      R,
      score,
      index,
      S,
      ...out
    } as unknown as SearchTransferResult;
  });
}
