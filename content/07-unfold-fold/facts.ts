/**
 * The facts behind `<LiveFact {facts}>` in chapter 07: the post's own 100×100 example
 * and the chapter's small worked cases, run through the tensor core's unfold/fold.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fold, unfold } from '$lib/tensor';
import { iota, provenanceOf } from '$lib/trace/provenance';
import { scoped } from '$lib/trace/scoped';
import { unfoldFoldRestore } from './restore';
import { uncovered } from './uncovered';
import { seededUniform } from '$lib/tensor/random';

/**
 * Live numbers for the chapter's "common misconception" notes, on the post's own setup:
 * `x = rand(1, 3, 100, 100)`, kernel 6, stride 2, padding 2, then `fold / 9` and `fold / fold(unfold(ones))`.
 * Returned as display strings keyed by fact name; computed once per page.
 */
let factsMemo: Record<string, string> | null = null;
export function unfoldFoldFacts(): Record<string, string> {
  if (factsMemo) return factsMemo;
  factsMemo = scoped(() => {
    const [k, s, p, H, W] = [6, 2, 2, 100, 100];
    const x = seededUniform([1, 3, H, W], 4, 0, 1);
    const r = unfoldFoldRestore(x, k, s, p);
    const div9 = tf.div(r.xFold, 9);
    const region = (t: tf.Tensor) => tf.slice(t, [0, 0, 30, 30], [1, 3, 10, 10]);
    const equal = tf.sum(tf.cast(tf.equal(region(x), region(div9)), 'int32')).dataSync()[0];
    const maxDiff = tf.max(tf.abs(tf.sub(region(x), region(div9)))).dataSync()[0];
    const count = r.overlapCount.dataSync();
    const regionCounts = new Set<number>();
    const borderCounts = new Set<number>();
    for (let y = 0; y < H; y++)
      for (let xx = 0; xx < W; xx++) {
        const c = count[y * W + xx];
        if (y >= 30 && y < 40 && xx >= 30 && xx < 40) regionCounts.add(c);
        if (y < 2 || xx < 2 || y >= H - 2 || xx >= W - 2) borderCounts.add(c);
      }
    const mean = (t: tf.Tensor) => tf.mean(t).dataSync()[0].toFixed(4);
    const exact = tf.max(tf.abs(tf.sub(r.xRestored, x))).dataSync()[0];
    // Channel-major rows: unfold a 2-channel index image and read which channel rows 8 and 9 copy.
    const twoC = provenanceOf(unfold(iota([1, 2, 3, 3]), 3, { padding: 1 }));
    const L = 9;
    const centre = 4; // the middle patch sees no padding
    const channelOfRow = (row: number) => Math.floor(twoC[row * L + centre] / 9);
    const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b).join(' or ');
    // The chapter's two worked examples, on the sizes the prose names.
    const small = fold(unfold(tf.ones([1, 1, 8, 12]), 3, { padding: 1 }), [8, 12], 3, {
      padding: 1
    }).dataSync();
    const gapCount = fold(unfold(tf.ones([1, 1, 8, 5]), 5, { stride: 3, padding: 1 }), [8, 5], 5, {
      stride: 3,
      padding: 1
    }).dataSync();
    const gapRows = uncovered(gapCount, 8, 5).rows;
    return {
      k3Corner: String(small[0]),
      k3Edge: String(small[1]),
      k3Inside: String(small[12 + 1]),
      gapRows: gapRows.join(', '),
      xShape: `[${x.shape.join(', ')}]`,
      xUnfoldShape: `[${r.xUnfold.shape.join(', ')}]`,
      xFoldShape: `[${r.xFold.shape.join(', ')}]`,
      regionCount: sorted(regionCounts),
      regionEqual: String(equal),
      regionSize: String(3 * 10 * 10),
      regionMaxDiff: maxDiff.toExponential(1),
      borderCount: sorted(new Set([...borderCounts].filter((c) => c !== 9))),
      countMin: String(Math.min(...count)),
      countMax: String(Math.max(...count)),
      meanX: mean(x),
      meanDiv9: mean(div9),
      meanRestored: mean(r.xRestored),
      restoredMaxDiff: exact.toExponential(1),
      row8Channel: String(channelOfRow(8)),
      row9Channel: String(channelOfRow(9))
    };
  });
  return factsMemo;
}
