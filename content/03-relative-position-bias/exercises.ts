/**
 * Exercises of /relative-position-bias, checked against the real `relativePositionIndex` and its
 * intermediates (relative_coords before and after the shift); the known mistakes are the same
 * intermediates combined the wrong way (no multiply, the factor on the column, i and j swapped).
 */
import { relativePositionIndex, snapshot, type Snapshot } from '$lib/tensor';
import { scoped } from '$lib/trace/scoped';
import { cells, defineExercise, ints, type Rng } from '$lib/figure/exercise-types';
import { tupleText, valueAt } from '$lib/figure/exercise-tensors';

type Window = { Wh: number; Ww: number };

function window(rng: Rng): Window {
  const Wh = rng.int(1, 4);
  return { Wh, Ww: Wh === 1 ? rng.int(2, 4) : rng.int(1, 4) };
}

function index(p: Window): Record<'coords' | 'shifted' | 'index', Snapshot> {
  return scoped(() => {
    const r = relativePositionIndex([p.Wh, p.Ww]);
    return {
      coords: snapshot(r.relativeCoords),
      shifted: snapshot(r.relativeCoordsShifted),
      index: snapshot(r.relativePositionIndex)
    };
  });
}

const at = (s: Snapshot, i: number, j: number) => [valueAt(s, [i, j, 0]), valueAt(s, [i, j, 1])];
const place = (t: number, Ww: number) => tupleText([Math.floor(t / Ww), t % Ww]);

const relativePositionIndexExercise = defineExercise({
  id: 'relative-position-index',
  kind: 'number',
  answerLabel: 'one integer',
  params: (rng) => {
    const w = window(rng);
    const N = w.Wh * w.Ww;
    return { ...w, i: rng.int(0, N - 1), j: rng.int(0, N - 1) };
  },
  question: (p) =>
    `A ${p.Wh}×${p.Ww} window (Wh = ${p.Wh}, Ww = ${p.Ww}). What is \`relative_position_index[${p.i}, ${p.j}]\` (query ${p.i}, key ${p.j})?`,
  solve: (p) => {
    const t = index(p);
    const value = valueAt(t.index, [p.i, p.j]);
    const [dh, dw] = at(t.coords, p.i, p.j);
    const [sh, sw] = at(t.shifted, p.i, p.j);
    const factor = 2 * p.Ww - 1;
    return {
      answer: ints(value),
      answerText: String(value),
      hint: `Token ${p.i} sits at (h, w) = ${place(p.i, p.Ww)} and token ${p.j} at ${place(p.j, p.Ww)}: the offset (Δh, Δw) is ${tupleText([dh, dw])}.`,
      explanation: `Shift the offset by (Wh − 1, Ww − 1) so both start at 0, multiply the row part by 2Ww − 1 = ${factor}, and add.`,
      mistakes: [
        {
          answer: ints(sh + sw),
          message: `You added the shifted offsets without the × (2Ww − 1) = ${factor} on the row part: that sum collides between different offsets.`
        },
        {
          answer: ints(sw * (2 * p.Wh - 1) + sh),
          message: 'The factor multiplies the row (axis 0, Δh) offset, not the column (x) offset.'
        },
        {
          answer: ints(valueAt(t.index, [p.j, p.i])),
          message: 'That is index[j, i]: the offset is query minus key, h_i − h_j.'
        },
        {
          answer: ints(dh * factor + dw),
          message: 'You skipped the shift: add Wh − 1 and Ww − 1 first, so no offset is negative.'
        }
      ]
    };
  }
});

const tableRows = defineExercise({
  id: 'table-rows',
  kind: 'number',
  answerLabel: 'a count',
  params: (rng) => window(rng),
  question: (p) =>
    `A ${p.Wh}×${p.Ww} window. How many rows does \`relative_position_bias_table\` need, one per value of the index?`,
  solve: (p) => {
    const t = index(p);
    const rows = Math.max(...t.index.data) + 1;
    const distinct = (axis: number) => {
      const seen = new Set<number>();
      for (let k = axis; k < t.coords.data.length; k += 2) seen.add(t.coords.data[k]);
      return seen.size;
    };
    const [nh, nw] = [distinct(0), distinct(1)];
    return {
      answer: ints(rows),
      answerText: String(rows),
      hint: `Δh takes ${nh} values and Δw takes ${nw}; every pair of them is a different offset.`,
      explanation: 'Count the distinct offsets (Δh, Δw): each gets its own row.',
      mistakes: [
        {
          answer: ints(nw),
          message: `2·Ww − 1 = ${nw} counts the column offsets only (the overview post's claim); every row offset multiplies them.`
        },
        {
          answer: ints(nh + nw),
          message: 'The offsets are pairs: their counts multiply, they do not add.'
        },
        {
          answer: ints((p.Wh * p.Ww) ** 2),
          message:
            'That is the number of (query, key) pairs; pairs with the same offset share one row.'
        }
      ]
    };
  }
});

const collisionKeys = defineExercise({
  id: 'collision-keys',
  kind: 'cells',
  params: (rng) => {
    const w = window(rng);
    const N = w.Wh * w.Ww;
    return { ...w, i: rng.int(0, N - 1), j: rng.int(0, N - 1) };
  },
  question: (p) =>
    `A ${p.Wh}×${p.Ww} window, query ${p.i}. Without the multiply, the index would be (Δh + Wh − 1) + (Δw + Ww − 1). ` +
    `Pick every key whose sum equals key ${p.j}'s (key ${p.j} included): the keys that would share its bias.`,
  solve: (p) => {
    const t = index(p);
    const N = p.Wh * p.Ww;
    const sum = (j: number) => at(t.shifted, p.i, j).reduce((a, b) => a + b, 0);
    const keys = Array.from({ length: N }, (_, j) => j);
    const same = keys.filter((j) => sum(j) === sum(p.j)).map(String);
    return {
      answer: cells(same),
      answerText: `keys ${same.join(', ')}`,
      cells: {
        candidates: keys.map((j) => ({ key: String(j), label: String(j) })),
        columns: p.Ww,
        caption: `The ${N} keys of the window, laid out as the window (row-major).`
      },
      hint: `For key ${p.j} the shifted offsets are ${tupleText(at(t.shifted, p.i, p.j))}, so the sum is ${sum(p.j)}.`,
      explanation:
        'Compute (Δh + Wh − 1) + (Δw + Ww − 1) for every key: a step down and a step left keep the sum.',
      mistakes: [
        {
          answer: cells([String(p.j)]),
          message:
            'Other keys reach the same sum: one row further and one column back, for example.'
        }
      ]
    };
  }
});

export const exercises = [relativePositionIndexExercise, tableRows, collisionKeys];
