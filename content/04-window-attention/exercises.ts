/**
 * Exercises of /window-attention, checked against the shapes the real `windowAttention` produces
 * on seeded windows and weights (microsoft/Swin-Transformer `WindowAttention.forward`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { seededNormal, windowAttention, windowPartition } from '$lib/tensor';
import { divisors } from '$lib/figure/params';
import { scoped } from '$lib/trace/scoped';
import { defineExercise, ints, shapeText, type Rng } from '$lib/figure/exercise-types';

type Sizes = {
  B: number;
  H: number;
  W: number;
  C: number;
  window_size: number;
  num_heads: number;
};

function sizes(rng: Rng): Sizes {
  const ws = rng.int(2, 4);
  const nh = rng.int(1, 2);
  const nw = rng.int(1, 2);
  const C = rng.pick([6, 8, 12]);
  const nW = nh * nw;
  // Prefer a head count other than the window count, so C // num_windows is a visible slip.
  const heads = divisors(C).filter((d) => d > 1 && d !== nW && d < C);
  return {
    B: rng.int(1, 2),
    H: nh * ws,
    W: nw * ws,
    C,
    window_size: ws,
    num_heads: rng.pick(heads)
  };
}

/** The shapes of one forward pass, run for real on seeded inputs and weights. */
function shapes(p: Sizes) {
  const { B, H, W, C, window_size: ws, num_heads: heads } = p;
  const N = ws * ws;
  return scoped(() => {
    const img = seededNormal([B, H, W, C], 1, 0, 1);
    const windows = windowPartition(img, ws);
    const x = tf.reshape(windows, [windows.shape[0], N, C]);
    const rnd = (shape: number[], k: number) => seededNormal(shape, k, 0, 0.2);
    const r = windowAttention(x, {
      numHeads: heads,
      windowSize: [ws, ws],
      qkvWeight: rnd([3 * C, C], 2),
      qkvBias: rnd([3 * C], 3),
      projWeight: rnd([C, C], 4),
      projBias: rnd([C], 5),
      relativePositionBiasTable: rnd([(2 * ws - 1) ** 2, heads], 6)
    });
    return { x: x.shape, qkv: r.qkv.shape, q: r.q.shape, attn: r.attn.shape };
  });
}

const sizesText = (p: Sizes) =>
  `x of shape (${p.B}, ${p.H}, ${p.W}, ${p.C}), window_size = ${p.window_size}, num_heads = ${p.num_heads}`;

const qShape = defineExercise({
  id: 'q-shape',
  kind: 'shape',
  answerLabel: 'shape of q, comma-separated',
  params: sizes,
  question: (p) =>
    `A Swin block partitions ${sizesText(p)} into windows and runs WindowAttention. What is the shape of \`q = qkv[0]\`?`,
  solve: (p) => {
    const s = shapes(p);
    const [B_, N, C] = s.x;
    const nW = B_ / p.B;
    const [, , heads, , d] = s.qkv;
    return {
      answer: ints(...s.q),
      answerText: shapeText(s.q),
      hint: `The windows are the batch: x enters as (B_, N, C) = ${shapeText(s.x)}, and qkv after the permute is ${shapeText(s.qkv)}.`,
      explanation:
        'q is (B_, num_heads, N, head_dim): windows as the batch, then heads, tokens, and C // num_heads channels.',
      mistakes: [
        {
          answer: ints(B_, heads, N, Math.floor(C / nW)),
          message: `The last axis is head_dim = C // num_heads = ${d}, not C // num_windows = ${Math.floor(C / nW)}: the windows are already the batch axis, and the heads split the channels.`
        },
        {
          answer: ints(B_, N, heads, d),
          message:
            'That is the order before permute(2, 0, 3, 1, 4): the heads move in front of the tokens.'
        },
        {
          answer: ints(p.B, heads, N, d),
          message: `The batch axis holds every window of every image: B_ = B·nW = ${B_}.`
        },
        {
          answer: ints(...s.qkv),
          message: 'That is qkv, all three of q, k and v; q = qkv[0] drops the first axis.'
        }
      ]
    };
  }
});

const attnShape = defineExercise({
  id: 'window-attn-shape',
  kind: 'shape',
  answerLabel: 'shape of attn, comma-separated',
  params: sizes,
  question: (p) => `For ${sizesText(p)}, what is the shape of \`attn = softmax(q @ kᵀ + bias)\`?`,
  solve: (p) => {
    const s = shapes(p);
    const [B_, heads, N, d] = s.q;
    return {
      answer: ints(...s.attn),
      answerText: shapeText(s.attn),
      hint: `q is ${shapeText(s.q)} and kᵀ is ${shapeText([B_, heads, d, N])}; the matrix product contracts head_dim.`,
      explanation: 'q @ kᵀ keeps the batch axes and meets every query token with every key token.',
      mistakes: [
        {
          answer: ints(...s.q),
          message: 'That is the shape of q (and of attn @ v); attn is tokens × tokens.'
        },
        {
          answer: ints(p.B, heads, p.H * p.W, p.H * p.W),
          message: 'That is global attention over all H·W pixels; window attention is per window.'
        },
        { answer: ints(B_, N, N), message: 'Each head has its own N × N map: keep the heads axis.' }
      ]
    };
  }
});

const attnEntries = defineExercise({
  id: 'attn-entries',
  kind: 'number',
  answerLabel: 'a count',
  params: sizes,
  question: (p) =>
    `For ${sizesText(p)}, how many numbers does \`attn\` hold in all (attn.numel())?`,
  solve: (p) => {
    const s = shapes(p);
    const [B_, heads, N] = s.attn;
    const count = s.attn.reduce((a, b) => a * b, 1);
    return {
      answer: ints(count),
      answerText: `${count} = ${s.attn.join(' · ')}`,
      hint: `attn has shape ${shapeText(s.attn)}.`,
      explanation: 'Multiply the axes of attn: windows, heads, query tokens, key tokens.',
      mistakes: [
        {
          answer: ints(p.B * heads * (p.H * p.W) ** 2),
          message: 'That is global attention, (HW)² per head; windows keep HW·M² per head.'
        },
        {
          answer: ints(B_ * N * N),
          message: 'Each of the heads has its own map: multiply by num_heads.'
        }
      ]
    };
  }
});

export const exercises = [qShape, attnShape, attnEntries];
