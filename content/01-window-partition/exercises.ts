/**
 * Exercises of /window-partition. Every answer is read off the real `windowPartitionSteps` run on
 * an index tensor (iota), so the page checks against where the op really puts each pixel; the
 * known mistakes are the same op run the wrong way (no permute, windows counted down the columns).
 */
import * as tf from '@tensorflow/tfjs-core';
import { snapshot, windowPartitionSteps, type Snapshot } from '$lib/tensor';
import { scoped } from '$lib/trace/scoped';
import { defineExercise, choice, ints, shapeText, type Rng } from '$lib/figure/exercise-types';
import { distinct, indexOfValue, tupleText, valueAt } from '$lib/figure/exercise-tensors';

type Sizes = { B: number; H: number; W: number; C: number; window_size: number };

function sizes(rng: Rng): Sizes {
  const ws = rng.int(2, 4);
  const nh = rng.int(1, 3);
  const nw = nh === 1 ? rng.int(2, 3) : rng.int(1, 3);
  return { B: rng.int(1, 2), H: nh * ws, W: nw * ws, C: rng.int(1, 3), window_size: ws };
}

/** The partition of iota (each element holds its own flat index), and two wrong ways to do it. */
function partitionIota(p: Sizes): Record<'view6' | 'windows' | 'noPermute' | 'colMajor', Snapshot> {
  const { B, H, W, C, window_size: ws } = p;
  return scoped(() => {
    const x = tf.reshape(tf.range(0, B * H * W * C, 1, 'float32'), [B, H, W, C]);
    const { view6, windows } = windowPartitionSteps(x, ws);
    // Without the permute, the last view reads memory in x's order.
    const noPermute = tf.reshape(x, [-1, ws, ws, C]);
    // Windows numbered down the columns: (wx, wy) instead of (wy, wx) before flattening.
    const colMajor = tf.reshape(tf.transpose(view6, [0, 3, 1, 2, 4, 5]), [-1, ws, ws, C]);
    return {
      view6: snapshot(view6),
      windows: snapshot(windows),
      noPermute: snapshot(noPermute),
      colMajor: snapshot(colMajor)
    };
  });
}

const windowOfPixel = defineExercise({
  id: 'window-of-pixel',
  kind: 'ints',
  answerLabel: 'win, dy, dx',
  params: (rng) => {
    const s = sizes(rng);
    return { ...s, b: rng.int(0, s.B - 1), h: rng.int(0, s.H - 1), w: rng.int(0, s.W - 1) };
  },
  question: (p) =>
    `x has shape (${p.B}, ${p.H}, ${p.W}, ${p.C}) and window_size = ${p.window_size}. ` +
    `After \`windows = window_partition(x, ${p.window_size})\`, where does \`x[${p.b}, ${p.h}, ${p.w}, :]\` land? ` +
    `Give the row of windows and the position inside it: win, dy, dx.`,
  solve: (p) => {
    const t = partitionIota(p);
    const v = ((p.b * p.H + p.h) * p.W + p.w) * p.C;
    const [win, dy, dx] = indexOfValue(t.windows, v);
    const [, wy, vy, wx, vx] = indexOfValue(t.view6, v);
    const nW = t.windows.shape[0] / p.B;
    const [nWin, nDy, nDx] = indexOfValue(t.noPermute, v);
    const [cWin] = indexOfValue(t.colMajor, v);
    return {
      answer: ints(win, dy, dx),
      answerText: `${win}, ${dy}, ${dx}`,
      hint:
        `The first view puts x[${p.b}, ${p.h}, ${p.w}] at (b, wy, dy, wx, dx) = ${tupleText([p.b, wy, vy, wx, vx])}. ` +
        `The permute brings (wy, wx) together; image ${p.b}'s windows start at row b·nW = ${p.b * nW}.`,
      explanation:
        'Split h into (wy, dy) = (⌊h/M⌋, h mod M) and w into (wx, dx) the same way; windows are ' +
        'numbered row by row, wy·(W/M) + wx, after the b·nW windows of the earlier images.',
      mistakes: [
        {
          answer: ints(win - p.b * nW, dy, dx),
          message: `That is the window's number inside image ${p.b}; the windows of earlier images come first (b·nW = ${p.b * nW}).`
        },
        {
          answer: ints(cWin, dy, dx),
          message:
            'You counted the windows down the columns. The permute (0, 1, 3, 2, 4, 5) keeps wy before wx, so windows are numbered row by row.'
        },
        {
          answer: ints(nWin, nDy, nDx),
          message:
            'That is where it lands without the permute: the last view then reads memory in x order, and a "window" is a strip of rows, not a square.'
        },
        { answer: ints(win, dx, dy), message: 'dy is the row inside the window and dx the column.' }
      ]
    };
  }
});

const windowsShape = defineExercise({
  id: 'windows-shape',
  kind: 'shape',
  answerLabel: 'shape of windows',
  params: (rng) => sizes(rng),
  question: (p) =>
    `x has shape (${p.B}, ${p.H}, ${p.W}, ${p.C}). What is the shape of \`window_partition(x, ${p.window_size})\`?`,
  solve: (p) => {
    const t = partitionIota(p);
    const [B, nh, ws, nw, , C] = t.view6.shape;
    return {
      answer: ints(...t.windows.shape),
      answerText: shapeText(t.windows.shape),
      hint: `The first view is ${shapeText(t.view6.shape)}: (B, H/M, M, W/M, M, C). The last view merges the three window-grid axes (B, H/M, W/M) into one.`,
      explanation: 'Every window becomes one batch row: (B·(H/M)·(W/M), M, M, C), channels last.',
      mistakes: [
        {
          answer: ints(B, nh, nw, C),
          message:
            "That is the walkthrough's claim (B, H//w, W//w, C). The result keeps each M×M window: every window becomes its own batch row."
        },
        {
          answer: ints(B, nh * nw, ws, ws, C),
          message: 'Close: the last view merges B and the window count into one batch axis.'
        },
        {
          answer: ints(B * nh * nw, C, ws, ws),
          message: 'window_partition works channels-last: C stays the last axis.'
        }
      ]
    };
  }
});

const pixelOfWindow = defineExercise({
  id: 'pixel-of-window',
  kind: 'choice',
  params: (rng) => {
    const s = { ...sizes(rng), B: 1, C: 1 };
    const nW = (s.H / s.window_size) * (s.W / s.window_size);
    return {
      ...s,
      win: rng.int(1, nW - 1),
      dy: rng.int(0, s.window_size - 1),
      dx: rng.int(0, s.window_size - 1)
    };
  },
  question: (p) =>
    `x has shape (1, ${p.H}, ${p.W}, 1), window_size = ${p.window_size}. Which pixel of x does \`windows[${p.win}, ${p.dy}, ${p.dx}, 0]\` hold?`,
  solve: (p) => {
    const t = partitionIota(p);
    const at = (s: Snapshot) => {
      const flat = valueAt(s, [p.win, p.dy, p.dx, 0]);
      return [Math.floor(flat / p.W), flat % p.W];
    };
    const [h, w] = at(t.windows);
    const key = (hw: number[]) => hw.join(',');
    const wrong = distinct(
      [
        at(t.noPermute),
        at(t.colMajor),
        [w, h].map((v, i) => Math.min(v, [p.H, p.W][i] - 1)),
        [h, (w + 1) % p.W],
        [(h + 1) % p.H, w]
      ],
      key,
      key([h, w])
    ).slice(0, 3);
    const options = [[h, w], ...wrong].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const nw = p.W / p.window_size;
    return {
      answer: choice(key([h, w])),
      answerText: `x[0, ${h}, ${w}, 0]`,
      choices: options.map((o) => ({ value: key(o), label: `x[0, ${o[0]}, ${o[1]}, 0]` })),
      hint: `Window ${p.win} is window row ⌊${p.win}/${nw}⌋ = ${Math.floor(p.win / nw)} and column ${p.win % nw} of the grid (${nw} windows across).`,
      explanation: 'Undo the numbering: win = wy·(W/M) + wx, then h = wy·M + dy and w = wx·M + dx.',
      mistakes: [
        {
          answer: choice(key(at(t.noPermute))),
          message: 'That is what the view without the permute would hold: a strip of one row.'
        },
        {
          answer: choice(key(at(t.colMajor))),
          message: 'That numbers the windows down the columns; they are numbered row by row.'
        }
      ]
    };
  }
});

export const exercises = [windowOfPixel, windowsShape, pixelOfWindow];
