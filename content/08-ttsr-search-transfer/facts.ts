/**
 * The facts behind `<LiveFact {facts}>` in chapter 08, run through the
 * tensor core's searchTransfer and fold/unfold.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fold, searchTransfer, unfold } from '$lib/tensor';
import { scoped } from '$lib/trace/scoped';
import { seededNormal } from '$lib/tensor/random';

/**
 * Live numbers for the chapter's misconception notes: the errata's 3×4 case (random features,
 * reference the same size), official ÷ 9 against the post's folded-ones divisor, and the shapes a
 * drop-in swap of the return order would mix up.
 */
let factsMemo: Record<string, string> | null = null;
export function ttsrFacts(): Record<string, string> {
  if (factsMemo) return factsMemo;
  factsMemo = scoped(() => {
    const [H, W] = [3, 4];
    const r = (shape: number[], seed: number) => seededNormal(shape, seed, 0, 1);
    const args = [
      r([1, 2, H, W], 1),
      r([1, 2, H, W], 2),
      r([1, 1, 4 * H, 4 * W], 3),
      r([1, 2, 2 * H, 2 * W], 4),
      r([1, 2, H, W], 5)
    ] as const;
    const off = searchTransfer(...args);
    const post = searchTransfer(...args, { divide: 'foldedOnes' });
    const divisors = [post.divisorLv3, post.divisorLv2, post.divisorLv1].flatMap((d) => [
      ...d.dataSync()
    ]);
    const diff = Math.max(
      ...(['T_lv3', 'T_lv2', 'T_lv1'] as const).map(
        (k) => tf.max(tf.abs(tf.sub(off[k], post[k]))).dataSync()[0]
      )
    );
    const count = fold(unfold(tf.ones([1, 1, H, W]), 3, { padding: 1 }), [H, W], 3, {
      padding: 1
    }).dataSync();
    return {
      divisorMin: String(Math.min(...divisors)),
      divisorMax: String(Math.max(...divisors)),
      maxDiff: diff.toFixed(2),
      countValues: [...new Set(count)].sort((a, b) => a - b).join(', '),
      lv3Shape: `[${off.T_lv3.shape.join(', ')}]`,
      lv1Shape: `[${off.T_lv1.shape.join(', ')}]`
    };
  });
  return factsMemo;
}
