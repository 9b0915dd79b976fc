/**
 * Exercises of /shifted-windows, checked against the real `shiftedWindowMask` (img_mask →
 * mask_windows → label_diff → attn_mask) for the variant's sizes.
 */
import { shiftedWindowMask, snapshot, type Snapshot } from '$lib/tensor';
import { scoped } from '$lib/trace/scoped';
import { cells, defineExercise, ints, type Rng } from '$lib/figure/exercise-types';
import { valueAt } from '$lib/figure/exercise-tensors';

type MaskSizes = { H: number; W: number; window_size: number; shift_size: number };

function maskSizes(rng: Rng): MaskSizes {
  const ws = rng.int(2, 4);
  return {
    H: rng.int(2, 3) * ws,
    W: rng.int(2, 3) * ws,
    window_size: ws,
    shift_size: rng.int(1, ws - 1)
  };
}

/** A window in the last row or column of windows: those hold wrapped pixels and need a mask. */
function mixedWindow(rng: Rng, p: MaskSizes): number {
  const nh = p.H / p.window_size;
  const nw = p.W / p.window_size;
  const edge = Array.from({ length: nh * nw }, (_, w) => w).filter(
    (w) => Math.floor(w / nw) === nh - 1 || w % nw === nw - 1
  );
  return rng.pick(edge);
}

function mask(p: MaskSizes): Record<'labels' | 'diff' | 'attnMask', Snapshot> {
  return scoped(() => {
    const m = shiftedWindowMask(p.H, p.W, p.window_size, p.shift_size);
    return {
      labels: snapshot(m.windowLabels),
      diff: snapshot(m.labelDiff),
      attnMask: snapshot(m.attnMask)
    };
  });
}

const sizesText = (p: MaskSizes) =>
  `H = ${p.H}, W = ${p.W}, window_size = ${p.window_size}, shift_size = ${p.shift_size}`;

const labelsOf = (m: { labels: Snapshot }, window: number) => {
  const N = m.labels.shape[1];
  return Array.from({ length: N }, (_, t) => valueAt(m.labels, [window, t]));
};

const maskedKeys = defineExercise({
  id: 'masked-keys',
  kind: 'cells',
  params: (rng) => {
    const s = maskSizes(rng);
    return { ...s, window: mixedWindow(rng, s), query: rng.int(0, s.window_size ** 2 - 1) };
  },
  question: (p) =>
    `${sizesText(p)}. In window ${p.window}, which keys j does the mask block for query token ${p.query}? ` +
    `Pick every j with \`attn_mask[${p.window}, ${p.query}, j] = −100\`.`,
  solve: (p) => {
    const m = mask(p);
    const N = p.window_size ** 2;
    const keys = Array.from({ length: N }, (_, j) => j);
    const blocked = keys.filter((j) => valueAt(m.attnMask, [p.window, p.query, j]) === -100);
    const open = keys.filter((j) => !blocked.includes(j)).map(String);
    const labels = labelsOf(m, p.window);
    return {
      answer: cells(blocked.map(String)),
      answerText: blocked.length ? `keys ${blocked.join(', ')}` : 'no key',
      cells: {
        candidates: keys.map((j) => ({ key: String(j), label: String(j) })),
        columns: p.window_size,
        caption: `The ${N} key tokens of window ${p.window}, laid out as the window (row-major).`
      },
      hint: `mask_windows[${p.window}] = [${labels.join(', ')}]: query ${p.query} has label ${labels[p.query]}.`,
      explanation:
        "A key is blocked when its region label differs from the query's (label_diff ≠ 0). Read the window's labels in mask_windows.",
      mistakes: [
        {
          answer: cells(open),
          message:
            'Those are the keys the query may attend to (mask 0). The blocked ones are the others.'
        }
      ]
    };
  }
});

const labelDiff = defineExercise({
  id: 'label-diff',
  kind: 'number',
  answerLabel: 'one integer',
  params: (rng) => {
    const s = maskSizes(rng);
    const N = s.window_size ** 2;
    const i = rng.int(0, N - 1);
    // j ≠ i: the diagonal of label_diff is always 0.
    return { ...s, window: mixedWindow(rng, s), i, j: (i + rng.int(1, N - 1)) % N };
  },
  question: (p) =>
    `${sizesText(p)}. What is \`label_diff[${p.window}, ${p.i}, ${p.j}]\`, the broadcast difference ` +
    '`mask_windows.unsqueeze(1) − mask_windows.unsqueeze(2)` before masked_fill?',
  solve: (p) => {
    const m = mask(p);
    const d = valueAt(m.diff, [p.window, p.i, p.j]);
    const labels = labelsOf(m, p.window);
    return {
      answer: ints(d),
      answerText: String(d),
      hint: `mask_windows[${p.window}] = [${labels.join(', ')}]: token ${p.i} has label ${labels[p.i]}, token ${p.j} has label ${labels[p.j]}.`,
      explanation:
        'unsqueeze(1) puts the labels along the last axis (the key j), unsqueeze(2) along the middle one (the query i).',
      mistakes: [
        {
          answer: ints(-d),
          message:
            'Sign flipped: entry (i, j) is label_j − label_i (key minus query), not label_i − label_j.'
        },
        {
          answer: ints(valueAt(m.attnMask, [p.window, p.i, p.j])),
          message: 'That is attn_mask after masked_fill; label_diff is the difference before it.'
        }
      ]
    };
  }
});

const unmaskedWindows = defineExercise({
  id: 'unmasked-windows',
  kind: 'number',
  answerLabel: 'a count',
  params: (rng) => maskSizes(rng),
  question: (p) =>
    `${sizesText(p)}. How many of the windows need no mask at all (every entry of their attn_mask is 0)?`,
  solve: (p) => {
    const m = mask(p);
    const [nW, N] = m.attnMask.shape;
    const zero = Array.from({ length: nW }, (_, w) => w).filter((w) =>
      m.attnMask.data.slice(w * N * N, (w + 1) * N * N).every((v) => v === 0)
    );
    const nh = p.H / p.window_size;
    const nw = p.W / p.window_size;
    return {
      answer: ints(zero.length),
      answerText: `${zero.length} (windows ${zero.join(', ') || 'none'})`,
      hint: `There are ${nW} windows, ${nh} down and ${nw} across. Only the last row and the last column of windows hold pixels the roll wrapped around.`,
      explanation:
        'A window needs no mask when all its pixels carry one region label; look at which windows reach the wrapped bands at the bottom and the right.',
      mistakes: [
        {
          answer: ints(0),
          message:
            'The windows away from the bottom and right edges hold one region each: they need no mask.'
        },
        {
          answer: ints(nW),
          message:
            'The roll wraps pixels into the last row and column of windows: those mix regions.'
        },
        {
          answer: ints(nW - 1),
          message:
            'Not only the corner window: every window of the last row or column mixes regions.'
        }
      ]
    };
  }
});

export const exercises = [maskedKeys, labelDiff, unmaskedWindows];
