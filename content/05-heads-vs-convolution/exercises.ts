/**
 * Exercises of /heads-vs-convolution, checked against W-MSA run for real on seeded windows and
 * weights (the chapter's `randomWeights` and `attention`), with `attnTimesV` and `distinctMaps`
 * from the tensor core, and the qkv reshape run on channel numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import { attnTimesV, distinctMaps, seededNormal, snapshot, windowPartition } from '$lib/tensor';
import { divisors } from '$lib/figure/params';
import { scoped } from '$lib/trace/scoped';
import { cells, defineExercise, ints, type Rng } from '$lib/figure/exercise-types';
import { indexOfValue } from '$lib/figure/exercise-tensors';
import { attention, randomWeights } from './experiments';

type Sizes = { C: number; window_size: number; num_heads: number; seed: number };

function sizes(rng: Rng): Sizes {
  const C = rng.pick([4, 6, 8]);
  return {
    C,
    window_size: rng.int(2, 3),
    num_heads: rng.pick(divisors(C).filter((d) => d < C)),
    seed: rng.int(0, 999)
  };
}

/** W-MSA on four seeded windows: attn [4, heads, N, N] and v [4, heads, N, d]. */
function run<T>(p: Sizes, read: (attn: tf.Tensor, v: tf.Tensor) => T): T {
  const M = p.window_size;
  return scoped(() => {
    const w = randomWeights({ ...p, pixel: 0 });
    const x = seededNormal([1, 2 * M, 2 * M, p.C], p.seed, 0, 1);
    const tokens = tf.reshape(windowPartition(x, M), [4, M * M, p.C]);
    const res = attention(tokens, w, p.num_heads, M);
    return read(res.attn, res.v);
  });
}

const sizesText = (p: Sizes) =>
  `C = ${p.C} channels, num_heads = ${p.num_heads}, ${p.window_size}×${p.window_size} windows`;

const distinctMapsExercise = defineExercise({
  id: 'distinct-maps',
  kind: 'number',
  answerLabel: 'a count',
  params: sizes,
  question: (p) =>
    `W-MSA with ${sizesText(p)}. Reading \`attn @ v\` per channel, how many different N×N maps does one window apply to its ${p.C} channels?`,
  solve: (p) => {
    const count = run(p, (attn) => distinctMaps(attn, p.C)[0]);
    const d = p.C / p.num_heads;
    return {
      answer: ints(count),
      answerText: String(count),
      hint: `head_dim = C / num_heads = ${d}: channels c and c′ use the same map when they are in the same head.`,
      explanation:
        'Each head computes one map from its q and k and applies it to all of its channels of v.',
      mistakes: [
        {
          answer: ints(p.C),
          message: 'One map per head, not per channel: the channels of a head share its map.'
        },
        { answer: ints(d), message: `${d} is head_dim, the channels per head; count the heads.` },
        { answer: ints(1), message: 'Each head has its own q and k, so its own map.' }
      ]
    };
  }
});

const changedChannels = defineExercise({
  id: 'changed-channels',
  kind: 'cells',
  params: (rng) => {
    const s = sizes(rng);
    return { ...s, channel: rng.int(0, s.C - 1) };
  },
  question: (p) =>
    `W-MSA with ${sizesText(p)}. Add 1 to channel ${p.channel} of v at every token, keeping attn. Which channels of \`attn @ v\` change? Pick them.`,
  solve: (p) => {
    const changed = run(p, (attn, v) => {
      const [, heads, , d] = v.shape;
      const bump = tf.reshape(tf.oneHot([p.channel], p.C), [1, heads, 1, d]);
      const before = attnTimesV(attn, v);
      const after = attnTimesV(attn, tf.add(v, bump));
      const diff = snapshot(tf.max(tf.abs(tf.sub(after, before)), [0, 1]));
      return Array.from(diff.data)
        .map((x, c) => [x, c] as const)
        .filter(([x]) => x > 1e-6)
        .map(([, c]) => String(c));
    });
    const d = p.C / p.num_heads;
    const head = Math.floor(p.channel / d);
    const channels = Array.from({ length: p.C }, (_, c) => String(c));
    return {
      answer: cells(changed),
      answerText: `channel${changed.length === 1 ? '' : 's'} ${changed.join(', ')}`,
      cells: {
        candidates: channels.map((c) => ({ key: c, label: c })),
        columns: p.C,
        caption: `The ${p.C} channels of attn @ v (before proj).`
      },
      hint: `out[i, c] = Σ_j attn[head(c), i, j] · v[j, c]: which channels of v does output channel c read?`,
      explanation:
        'Each output channel of attn @ v is a weighted sum of the same channel of v only.',
      mistakes: [
        {
          answer: cells(channels.slice(head * d, head * d + d)),
          message: `Channels ${head * d}–${head * d + d - 1} share head ${head}'s map, but each output channel still reads only its own channel of v.`
        },
        {
          answer: cells(channels),
          message: 'attn @ v never mixes channels; only the qkv and proj linears do.'
        }
      ]
    };
  }
});

const headOfChannelExercise = defineExercise({
  id: 'head-of-channel',
  kind: 'number',
  answerLabel: 'head number',
  params: (rng) => {
    const C = rng.pick([6, 8, 12]);
    const heads = rng.pick(divisors(C).filter((d) => d > 1 && d < C));
    return { C, num_heads: heads, channel: rng.int(1, C - 1) };
  },
  question: (p) =>
    `C = ${p.C}, num_heads = ${p.num_heads}. After \`reshape(B_, N, 3, num_heads, C // num_heads)\`, channel ${p.channel} of q belongs to which head (0-based)?`,
  solve: (p) => {
    const d = p.C / p.num_heads;
    // The reshape run on channel numbers: where does channel `channel` land?
    const [head, e] = scoped(() =>
      indexOfValue(
        snapshot(tf.reshape(tf.range(0, p.C, 1, 'float32'), [p.num_heads, d])),
        p.channel
      )
    );
    return {
      answer: ints(head),
      answerText: `head ${head} (its channel ${e})`,
      hint: `Each head takes head_dim = ${d} consecutive channels.`,
      explanation: 'The reshape cuts the C channels into num_heads consecutive groups of head_dim.',
      mistakes: [
        {
          answer: ints(p.channel % p.num_heads),
          message:
            'The channels are not dealt round-robin: the reshape groups consecutive channels.'
        }
      ]
    };
  }
});

export const exercises = [distinctMapsExercise, changedChannels, headOfChannelExercise];
