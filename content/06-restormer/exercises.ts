/**
 * Exercises of /restormer, checked against the real `mdta` (Restormer `Attention.forward`) run on
 * a seeded input with seeded weights; the normalisation axis is measured on its `qNorm`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mdta, seededNormal, snapshot } from '$lib/tensor';
import { divisors } from '$lib/figure/params';
import { scoped } from '$lib/trace/scoped';
import { choice, defineExercise, ints, shapeText, type Rng } from '$lib/figure/exercise-types';

type Sizes = { B: number; C: number; H: number; W: number; num_heads: number };

function sizes(rng: Rng): Sizes {
  const C = rng.pick([4, 6, 8, 12]);
  return {
    B: rng.int(1, 2),
    C,
    H: rng.int(3, 7),
    W: rng.int(3, 7),
    num_heads: rng.pick(divisors(C).filter((d) => d < C))
  };
}

/** MDTA for real: the shapes of attn and out, and q's norms over each axis after F.normalize. */
function run(p: Sizes) {
  const { B, C, H, W, num_heads: heads } = p;
  return scoped(() => {
    const r = (shape: number[], k: number) => seededNormal(shape, k, 0, 0.3);
    const m = mdta(seededNormal([B, C, H, W], 1, 0, 1), {
      numHeads: heads,
      qkvWeight: r([3 * C, C, 1, 1], 2),
      qkvDwconvWeight: r([3 * C, 1, 3, 3], 3),
      projectOutWeight: r([C, C, 1, 1], 4),
      temperature: tf.ones([heads, 1, 1])
    });
    const norms = (axis: number) => snapshot(tf.sqrt(tf.sum(tf.square(m.qNorm), axis))).data;
    const unit = (xs: ArrayLike<number>) => Array.from(xs).every((v) => Math.abs(v - 1) < 1e-4);
    return {
      q: m.q.shape,
      attn: m.attn.shape,
      out: m.out.shape,
      unitOverPixels: unit(norms(3)),
      unitOverChannels: unit(norms(2))
    };
  });
}

const sizesText = (p: Sizes) =>
  `x of shape (B, C, H, W) = (${p.B}, ${p.C}, ${p.H}, ${p.W}) and num_heads = ${p.num_heads}`;

const attnShape = defineExercise({
  id: 'attn-shape',
  kind: 'shape',
  answerLabel: "shape of MDTA's attn, comma-separated",
  params: sizes,
  question: (p) => `MDTA on ${sizesText(p)}. What is the shape of \`attn\` (after the softmax)?`,
  solve: (p) => {
    const s = run(p);
    const [B, heads, c, n] = s.q;
    return {
      answer: ints(...s.attn),
      answerText: shapeText(s.attn),
      hint: `After the rearrange, q and k are ${shapeText(s.q)}: (B, heads, C/heads, H·W). attn = q @ kᵀ.`,
      explanation: 'q @ kᵀ contracts the pixel axis: the map is channels × channels, per head.',
      mistakes: [
        {
          answer: ints(B, heads, n, n),
          message: `That is a pixel map (H·W × H·W). MDTA's attention is transposed: across channels, (C/heads) × (C/heads).`
        },
        {
          answer: ints(B, heads, p.C, p.C),
          message: 'Each head sees only its C/heads channels.'
        },
        { answer: ints(...s.q), message: 'That is the shape of q (and of attn @ v).' },
        { answer: ints(B, c, c), message: 'Keep the heads axis: one map per head.' }
      ]
    };
  }
});

const outShape = defineExercise({
  id: 'out-shape',
  kind: 'shape',
  answerLabel: 'shape of the output, comma-separated',
  params: sizes,
  question: (p) =>
    `MDTA on ${sizesText(p)}. What is the shape of \`project_out(out)\`, what MDTA returns?`,
  solve: (p) => {
    const s = run(p);
    return {
      answer: ints(...s.out),
      answerText: shapeText(s.out),
      hint: `attn @ v is ${shapeText(s.q)}; the rearrange puts the heads back into the channels.`,
      explanation: 'project_out is a 1×1 conv from C to C channels on the (B, C, H, W) features.',
      mistakes: [
        {
          answer: ints(...s.attn),
          message: "That is attn, the attention map; project_out's output is the block's features."
        },
        { answer: ints(...s.q), message: 'That is before the rearrange back to (B, C, H, W).' }
      ]
    };
  }
});

const normalizeAxis = defineExercise({
  id: 'normalize-axis',
  kind: 'choice',
  params: sizes,
  question: (p) =>
    `MDTA on ${sizesText(p)}. After \`q = F.normalize(q, dim=-1)\`, which vectors of q have length 1?`,
  solve: (p) => {
    const s = run(p);
    const options = [
      { value: 'pixels', label: `each channel's row over the H·W = ${p.H * p.W} pixels` },
      {
        value: 'channels',
        label: `each pixel's column over the C/heads = ${s.q[2]} channels of a head`
      },
      { value: 'both', label: 'both' }
    ];
    const right =
      s.unitOverPixels && s.unitOverChannels ? 'both' : s.unitOverPixels ? 'pixels' : 'channels';
    return {
      answer: choice(right),
      answerText: options.find((o) => o.value === right)!.label,
      choices: options,
      hint: `After the rearrange q is ${shapeText(s.q)}: (B, heads, C/heads, H·W). Which axis is dim=-1?`,
      explanation: 'dim=-1 is the last axis of q after the rearrange.',
      mistakes: [
        {
          answer: choice('channels'),
          message:
            'The code comment says "along C", but after the rearrange the last axis is (h w): q is normalised over the pixels, per channel.'
        }
      ]
    };
  }
});

export const exercises = [attnShape, outShape, normalizeAxis];
