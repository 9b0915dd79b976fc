/**
 * Exercises of /patch-merging. Where a value lands is read off the real `patchMerging` and
 * `pixelUnshuffle` run on an index tensor (iota), as the figure's hover links are; the known
 * mistakes are the other op's order, read off the same two tensors, and the shapes are those the
 * real op returns.
 */
import * as tf from '@tensorflow/tfjs-core';
import { patchMerging, snapshot, type Snapshot } from '$lib/tensor';
import { pixelUnshuffle } from '$lib/tensor/pixel-shuffle';
import { unravel } from '$lib/tensor/snapshot';
import { scoped } from '$lib/trace/scoped';
import { defineExercise, ints, shapeText, type Rng } from '$lib/figure/exercise-types';
import { distinct, indexOfValue, tupleText, valueAt } from '$lib/figure/exercise-tensors';

type Sizes = { H: number; W: number; C: number };

const sizes = (rng: Rng): Sizes => ({
  H: 2 * rng.int(1, 3),
  W: 2 * rng.int(2, 3),
  C: rng.int(1, 3)
});

/** The official slices, x0 … x3, as PatchMerging's forward writes them. */
const SLICES = ['x[:, 0::2, 0::2]', 'x[:, 1::2, 0::2]', 'x[:, 0::2, 1::2]', 'x[:, 1::2, 1::2]'];

/** `weights` for PatchMerging(dim = C): the data ops ignore their values. */
const mergingWeights = (C: number) => ({
  normWeight: tf.ones([4 * C]),
  normBias: tf.zeros([4 * C]),
  reductionWeight: tf.zeros([2 * C, 4 * C])
});

/**
 * PatchMerging's cat `[1, H/2, W/2, 4C]` and PixelUnshuffle's output `[1, 4C, H/2, W/2]`, both run
 * on x `[1, H, W, C]` holding each element's own flat index (NHWC), the unshuffle on its NCHW permute.
 */
function ordersOfIota(p: Sizes): { cat: Snapshot; unshuffled: Snapshot } {
  const { H, W, C } = p;
  return scoped(() => {
    const x = tf.reshape(tf.range(0, H * W * C, 1, 'float32'), [1, H, W, C]);
    const m = patchMerging(tf.reshape(x, [1, H * W, C]), H, W, mergingWeights(C));
    return {
      cat: snapshot(tf.reshape(m.merged, [1, H / 2, W / 2, 4 * C])),
      unshuffled: snapshot(pixelUnshuffle(tf.transpose(x, [0, 3, 1, 2]), 2))
    };
  });
}

/** (row, col, channel) of x for a flat NHWC id. */
const pixelOf = (id: number, p: Sizes) => unravel(id, [1, p.H, p.W, p.C]).slice(1);

const catSource = defineExercise({
  id: 'cat-source',
  kind: 'ints',
  answerLabel: 'row, col, channel of x',
  params: (rng) => {
    const s = sizes(rng);
    // Mostly x1 or x2: the two blocks the orders disagree on.
    const q = rng.pick([1, 2, 1, 2, 0, 3]);
    return {
      ...s,
      i: rng.int(0, s.H / 2 - 1),
      j: rng.int(0, s.W / 2 - 1),
      k: q * s.C + rng.int(0, s.C - 1)
    };
  },
  question: (p) =>
    `x has shape (1, ${p.H}, ${p.W}, ${p.C}) (PatchMerging's view(B, H, W, C)), and ` +
    `\`x_cat = torch.cat([x0, x1, x2, x3], -1)\` has shape (1, ${p.H / 2}, ${p.W / 2}, ${4 * p.C}). ` +
    `Which element of x does \`x_cat[0, ${p.i}, ${p.j}, ${p.k}]\` hold? Give its row, column and channel.`,
  solve: (p) => {
    const t = ordersOfIota(p);
    const at = (k: number) => pixelOf(valueAt(t.cat, [0, p.i, p.j, k]), p);
    const right = at(p.k);
    const [q, c] = [Math.floor(p.k / p.C), p.k % p.C];
    // The same channel number read in PixelUnshuffle's output, and x_cat with x1 and x2 swapped.
    const unshuffleOrder = pixelOf(valueAt(t.unshuffled, [0, p.k, p.i, p.j]), p);
    const swapped = at((q === 1 || q === 2 ? 3 - q : q) * p.C + c);
    const key = (a: { answer: { value: unknown } }) => String(a.answer.value);
    return {
      answer: ints(...right),
      answerText: tupleText(right),
      hint: `Channel ${p.k} is in block ⌊${p.k} / ${p.C}⌋ = ${q}, i.e. x${q} = ${SLICES[q]}, and is channel ${p.k} mod ${p.C} = ${c} of it.`,
      explanation:
        'Split k into the block q = ⌊k / C⌋ and the channel c = k mod C. Block q is x_q, whose ' +
        'element (i, j) is pixel (2i + dy, 2j + dx) with (dy, dx) = (0, 0), (1, 0), (0, 1), (1, 1) for x0 … x3.',
      mistakes: distinct(
        [
          {
            answer: ints(...unshuffleOrder),
            message:
              `That is PixelUnshuffle's channel order, channel-major: k = c·4 + dy·2 + dx. ` +
              `PatchMerging's torch.cat is offset-major: k = q·C + c, so channel ${p.k} is block ` +
              `${q} (x${q} = ${SLICES[q]}), channel ${c}.`
          },
          {
            answer: ints(...swapped),
            message:
              'You swapped x1 and x2. x1 = x[:, 1::2, 0::2] is the odd ROW (dy = 1, dx = 0); ' +
              'x2 = x[:, 0::2, 1::2] is the odd column.'
          },
          {
            answer: ints(right[0] - p.i, right[1] - p.j, c),
            message: `x_cat's (${p.i}, ${p.j}) is a 2×2 neighbourhood, not a pixel: its rows are 2i and 2i + 1.`
          }
        ],
        key,
        String(right)
      )
    };
  }
});

const unshuffleChannel = defineExercise({
  id: 'unshuffle-channel',
  kind: 'number',
  answerLabel: 'channel of x_unshuffled',
  params: (rng) => {
    const s = { ...sizes(rng), C: rng.int(2, 3) };
    // Mostly the offsets (1, 0) and (0, 1), where the two orders differ most.
    const [dy, dx] = rng.pick([
      [1, 0],
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 1],
      [0, 0]
    ]);
    const h = 2 * rng.int(0, s.H / 2 - 1) + dy;
    return { ...s, c: rng.int(0, s.C - 1), h, w: 2 * rng.int(0, s.W / 2 - 1) + dx };
  },
  question: (p) =>
    `x has shape (1, ${p.C}, ${p.H}, ${p.W}) (NCHW, as Restormer's Downsample sees it), and ` +
    `\`x_unshuffled = F.pixel_unshuffle(x, 2)\` has shape (1, ${4 * p.C}, ${p.H / 2}, ${p.W / 2}). ` +
    `\`x[0, ${p.c}, ${p.h}, ${p.w}]\` lands at position (${Math.floor(p.h / 2)}, ${Math.floor(p.w / 2)}). In which channel?`,
  solve: (p) => {
    const t = ordersOfIota(p);
    // The iota is NHWC: x[0, c, h, w] of the NCHW view holds (h·W + w)·C + c.
    const id = (h: number, w: number) => (h * p.W + w) * p.C + p.c;
    const channel = indexOfValue(t.unshuffled, id(p.h, p.w))[1];
    const merging = indexOfValue(t.cat, id(p.h, p.w))[3];
    // The offsets read the other way round: the pixel at (dx, dy) instead of (dy, dx).
    const [y0, x0] = [p.h - (p.h % 2), p.w - (p.w % 2)];
    const transposed = indexOfValue(t.unshuffled, id(y0 + (p.w % 2), x0 + (p.h % 2)))[1];
    const [dy, dx] = [p.h % 2, p.w % 2];
    return {
      answer: ints(channel),
      answerText: String(channel),
      hint: `Inside its 2×2 block the pixel has row offset i = ${p.h} mod 2 = ${dy} and column offset j = ${p.w} mod 2 = ${dx}; each input channel owns 4 output channels.`,
      explanation:
        'PixelUnshuffle is channel-major: out[4c + 2i + j, y, x] = in[c, 2y + i, 2x + j] — first the ' +
        'channel c, then the row offset i, then the column offset j.',
      mistakes: distinct(
        [
          {
            answer: ints(merging),
            message:
              `That is PatchMerging's order, offset-major: torch.cat([x0, x1, x2, x3], -1) puts ` +
              `offset (${dy}, ${dx}) in block x${Math.floor(merging / p.C)}, channel q·C + c. ` +
              "PixelUnshuffle keeps each channel's four pixels together: channel c·4 + i·2 + j."
          },
          {
            answer: ints(transposed),
            message: 'The row offset i comes before the column offset j: channel c·4 + i·2 + j.'
          }
        ],
        (m) => String(m.answer.value),
        String(channel)
      )
    };
  }
});

const mergedShape = defineExercise({
  id: 'merged-shape',
  kind: 'shape',
  answerLabel: 'shape of x_merged',
  params: (rng) => ({
    B: rng.int(1, 2),
    H: 2 * rng.int(1, 4),
    W: 2 * rng.int(2, 4),
    C: rng.int(2, 8)
  }),
  question: (p) =>
    `x holds the tokens of a ${p.H}×${p.W} map: shape (${p.B}, ${p.H * p.W}, ${p.C}). What is the ` +
    `shape of \`x_merged = PatchMerging(dim=${p.C})(x, ${p.H}, ${p.W})\` (after its norm and reduction)?`,
  solve: (p) => {
    const { B, H, W, C } = p;
    const m = scoped(() => {
      const r = patchMerging(tf.zeros([B, H * W, C]), H, W, mergingWeights(C));
      return { merged: r.merged.shape, out: r.out.shape };
    });
    const [, L, twoC] = m.out;
    return {
      answer: ints(...m.out),
      answerText: shapeText(m.out),
      hint: `torch.cat([x0, x1, x2, x3], -1).view(B, -1, 4C) is ${shapeText(m.merged)}; reduction is nn.Linear(4C, 2C, bias=False).`,
      explanation:
        'Each 2×2 neighbourhood becomes one token: (H/2)·(W/2) tokens. Their 4C channels go ' +
        'through LayerNorm(4C), then Linear(4C → 2C).',
      mistakes: distinct(
        [
          {
            answer: ints(...m.merged),
            message: `That is x_cat as tokens, before the reduction: the Linear maps 4C = ${4 * C} channels to 2C = ${twoC}.`
          },
          {
            answer: ints(B, H / 2, W / 2, twoC),
            message:
              'PatchMerging returns tokens (B, L, 2C), not a map: the view(B, -1, 4C) flattens H/2 and W/2 into one axis.'
          },
          {
            answer: ints(B, (H * W) / 2, twoC),
            message: `Both sides halve, so the tokens are quartered: (H/2)·(W/2) = ${L}, not HW/2.`
          },
          {
            answer: ints(B, L, C),
            message: `PatchMerging doubles the channels: Linear(4C, 2C) gives ${twoC}, not C.`
          }
        ],
        (k) => String(k.answer.value),
        String(m.out)
      )
    };
  }
});

export const exercises = [catSource, unshuffleChannel, mergedShape];
