/**
 * Exercises of /unfold-fold, checked against the real `overlapCount` (fold(unfold(ones))) and
 * `unfold` from the tensor core; which pixels a patch reads comes from unfolding an index image.
 */
import * as tf from '@tensorflow/tfjs-core';
import { overlapCount, snapshot, unfold } from '$lib/tensor';
import { scoped } from '$lib/trace/scoped';
import { cells, defineExercise, ints, shapeText, type Rng } from '$lib/figure/exercise-types';
import { valueAt } from '$lib/figure/exercise-tensors';

type Sizes = { H: number; W: number; kernel_size: number; stride: number; padding: number };

function sizes(rng: Rng): Sizes {
  const k = rng.int(2, 4);
  return {
    H: rng.int(4, 7),
    W: rng.int(4, 7),
    kernel_size: k,
    stride: rng.int(1, Math.min(k, 2)),
    padding: rng.int(0, Math.floor(k / 2))
  };
}

/**
 * unfold run on an image holding 1 + each pixel's number (0 then means "from the padding"):
 * `columns[l]` lists what patch l copied, `outW` patches per row.
 */
function unfoldIota(p: Sizes): { columns: number[][]; outW: number } {
  return scoped(() => {
    const iota = tf.reshape(tf.range(1, p.H * p.W + 1, 1, 'float32'), [1, 1, p.H, p.W]);
    const u = snapshot(unfold(iota, p.kernel_size, { stride: p.stride, padding: p.padding }));
    const [, K, L] = u.shape;
    const columns = Array.from({ length: L }, (_, l) =>
      Array.from({ length: K }, (_, r) => u.data[r * L + l])
    );
    // O_H patch rows of O_W patches: O_W = L / O_H.
    const outH = Math.floor((p.H + 2 * p.padding - p.kernel_size) / p.stride) + 1;
    return { columns, outW: L / outH };
  });
}

const foldText = (p: Sizes) =>
  `kernel_size = ${p.kernel_size}, stride = ${p.stride}, padding = ${p.padding}`;

const overlap = defineExercise({
  id: 'overlap-count',
  kind: 'number',
  answerLabel: 'a count',
  params: (rng) => {
    const s = sizes(rng);
    // Half the variants ask about a border pixel, where the count differs from the interior.
    const border = rng.next() < 0.5;
    const y = border ? rng.pick([0, s.H - 1]) : rng.int(0, s.H - 1);
    return { ...s, y, x: rng.int(0, s.W - 1) };
  },
  question: (p) =>
    `An ${p.H}×${p.W} image, ${foldText(p)}. In how many patches does pixel (y, x) = (${p.y}, ${p.x}) lie? That is \`overlap_count[${p.y}, ${p.x}]\` = fold(unfold(ones)).`,
  solve: (p) => {
    const { kernel_size: k, stride: s, padding: pad } = p;
    const count = scoped(() => {
      const c = overlapCount(p.H, p.W, k, { stride: s, padding: pad });
      return valueAt(snapshot(c), [p.y, p.x]);
    });
    // The patches that copy this pixel, read off unfold run on an index image.
    const u = unfoldIota(p);
    const covering = u.columns
      .map((c, l) => (c.includes(p.y * p.W + p.x + 1) ? l : -1))
      .filter((l) => l >= 0);
    const rows = [...new Set(covering.map((l) => Math.floor(l / u.outW)))];
    const cols = [...new Set(covering.map((l) => l % u.outW))];
    const border = p.y === 0 || p.x === 0 || p.y === p.H - 1 || p.x === p.W - 1;
    return {
      answer: ints(count),
      answerText: String(count),
      hint: `Patch rows ${rows.join(', ') || 'none'} cover row ${p.y}; now count the patch columns that cover column ${p.x}.`,
      explanation:
        'Count the patch rows whose window covers row y and the patch columns that cover column x; the count is their product.',
      mistakes: [
        {
          answer: ints(k * k),
          message: border
            ? `An overlap count of ${k * k} (k²) holds in the interior only. At a border pixel fewer patches reach: the padding side has none.`
            : `k² = ${k * k} counts the pixels of one patch, not the patches over one pixel (with stride ${s}, fewer overlap).`
        },
        {
          answer: ints(rows.length + cols.length),
          message: 'Rows and columns of patches combine: multiply the two counts.'
        }
      ]
    };
  }
});

const unfoldShape = defineExercise({
  id: 'unfold-shape',
  kind: 'shape',
  answerLabel: 'shape of x_unfold, comma-separated',
  params: (rng) => ({ ...sizes(rng), B: rng.int(1, 2), C: rng.int(1, 3) }),
  question: (p) =>
    `x has shape (${p.B}, ${p.C}, ${p.H}, ${p.W}). What is the shape of \`F.unfold(x, ${p.kernel_size}, stride=${p.stride}, padding=${p.padding})\`?`,
  solve: (p) => {
    const k = p.kernel_size;
    const shape = scoped(
      () =>
        unfold(tf.zeros([p.B, p.C, p.H, p.W]), k, { stride: p.stride, padding: p.padding }).shape
    );
    const [B, rows, L] = shape;
    const out = (n: number) => Math.floor((n + 2 * p.padding - k) / p.stride) + 1;
    return {
      answer: ints(...shape),
      answerText: shapeText(shape),
      hint: `O_H = ⌊(H + 2p − k)/s⌋ + 1 = ${out(p.H)} patch rows; the columns are counted the same way along W.`,
      explanation: 'One column per patch: (B, C·k², L) with L = O_H·O_W.',
      mistakes: [
        {
          answer: ints(B, L, rows),
          message: 'Patches are the columns (last axis); rows are offsets (c, ky, kx).'
        },
        {
          answer: ints(B, p.C, k * k, L),
          message: 'unfold merges C and k² into one axis of C·k² rows.'
        },
        {
          answer: ints(B, rows, p.H * p.W),
          message: 'L counts patches, ⌊(H + 2p − k)/s⌋ + 1 per axis, not pixels.'
        }
      ]
    };
  }
});

const patchPixels = defineExercise({
  id: 'patch-pixels',
  kind: 'cells',
  params: (rng) => {
    const s = sizes(rng);
    const out = (n: number) => Math.floor((n + 2 * s.padding - s.kernel_size) / s.stride) + 1;
    return { ...s, patch: rng.int(0, out(s.H) * out(s.W) - 1) };
  },
  question: (p) =>
    `An ${p.H}×${p.W} image, ${foldText(p)}. Which pixels does column ${p.patch} of \`x_unfold\` (patch ${p.patch}) copy? Pick them.`,
  solve: (p) => {
    const u = unfoldIota(p);
    const col = u.columns[p.patch];
    const key = (flat: number) => `${Math.floor(flat / p.W)},${flat % p.W}`;
    const picked = col.filter((v) => v > 0).map((v) => key(v - 1));
    const outW = u.outW;
    const [oy, ox] = [Math.floor(p.patch / outW), p.patch % outW];
    const all = Array.from({ length: p.H * p.W }, (_, i) => key(i));
    return {
      answer: cells(picked),
      answerText: `${picked.length} pixels: ${picked.map((k) => `(${k})`).join(' ')}`,
      cells: {
        candidates: all.map((k) => ({ key: k, label: k })),
        columns: p.W,
        caption: `The pixels of x, labelled y,x.`
      },
      hint: `Patch ${p.patch} is patch row ${oy}, column ${ox} (${outW} patches per row); its window starts at (${oy * p.stride - p.padding}, ${ox * p.stride - p.padding}) in image coordinates.`,
      explanation:
        'A patch starts at (o_y·s − p, o_x·s − p) and spans k×k; cells in the padding copy zeros, not pixels.',
      mistakes: []
    };
  }
});

export const exercises = [overlap, unfoldShape, patchPixels];
