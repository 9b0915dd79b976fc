/**
 * What a /relative-position-bias trace shows that depends on the window and the number of heads
 * only, not on the seed: the construction of relative_position_index (steps coords … sum), its
 * view and the links of every pair. Made once per size (memo) from the tensor core's
 * `relativePositionIndex` and, for hover links, the same broadcasts on index tensors: a seed
 * change then computes only the table and its gather, and the index steps keep their views.
 *
 * Link ids share one space: table element f = r·heads + h is f; token t is T + t; the pair
 * (query i, key j) is P + i·N + j, with T = R·heads and P = T + N.
 */
import * as tf from '@tensorflow/tfjs-core';
import { relativePositionBias, relativePositionIndex, snapshot } from '$lib/tensor';
import type { Snapshot } from '$lib/tensor/snapshot';
import { memo } from '$lib/memo';
import { iota, provenanceOf } from '$lib/trace/provenance';
import { scoped } from '$lib/trace/scoped';
import { keptBetweenTraces } from '$lib/trace/serialize';
import type { Step, TensorView } from '$lib/trace/types';

export interface IndexSteps {
  /** Steps coords, flatten, diff, permute, shift, scale and sum. */
  steps: readonly Step[];
  /** `relative_position_index [N, N]`, linked to every pair with its value and its table row. */
  indexView: TensorView;
  /** The pair ids that read each table row. */
  pairsOfRow: ReadonlyMap<number, readonly number[]>;
  /** `[heads, N, N]`: the table element each cell of relative_position_bias is gathered from. */
  biasFrom: Int32Array;
  /** `[N, N, 2]` after `+ (M − 1)`. */
  shifted: Snapshot;
  /** `[N, N]`: the sum *without* the multiply (collides). */
  naive: Snapshot;
  /** Table element of each cell of the table drawn as an image of offsets. */
  tableImageFrom: Int32Array;
}

/** The table `[R, heads]` as an image of offsets: row r = (Δh + Wh − 1)(2Ww − 1) + (Δw + Ww − 1). */
export const tableAsImage = (t: tf.Tensor, Wh: number, Ww: number, heads: number) =>
  tf.reshape(tf.transpose(t), [heads, 2 * Wh - 1, 2 * Ww - 1]);

const remembered = memo<IndexSteps>(8);

/** The index steps of a `Wh × Ww` window with `heads` heads (shared: treat as immutable). */
export function indexSteps(Wh: number, Ww: number, heads: number): IndexSteps {
  return remembered(`${Wh},${Ww},${heads}`, () => {
    const made = scoped(() => makeIndexSteps(Wh, Ww, heads));
    // Shared by every trace of this size: a trace run in the worker must copy them, not transfer.
    keptBetweenTraces(...made.steps.flatMap((s) => s.tensors.map((v) => v.snap.data)));
    return made;
  });
}

function makeIndexSteps(Wh: number, Ww: number, heads: number): IndexSteps {
  const N = Wh * Ww;
  const R = (2 * Wh - 1) * (2 * Ww - 1);
  const T = R * heads;
  const P = T + N;
  const tok = (t: number) => T + t;
  const r = relativePositionIndex([Wh, Ww]);
  // Provenance: the same gather on a table of its own flat indices.
  const biasFrom = provenanceOf(relativePositionBias(iota([R, heads]), [Wh, Ww]));
  // Token ids through the same stack/reshape as coords; pair ids through the same broadcast.
  const tokens = tf.add(iota([Wh, Ww]), T);
  const coordsIds = provenanceOf(tf.stack([tokens, tokens]));
  const tokFlat = tf.reshape(tf.range(0, N), [N]);
  const pairIds = tf.add(
    tf.add(tf.mul(tf.expandDims(tokFlat, 1), N), tf.expandDims(tokFlat, 0)),
    P
  );
  const pairs2NN = provenanceOf(tf.stack([pairIds, pairIds]));
  const pairsNN2 = provenanceOf(tf.transpose(tf.stack([pairIds, pairIds]), [1, 2, 0]));
  // The same differences before the core's permute(1, 2, 0): [2, N, N].
  const diff = tf.transpose(r.relativeCoords, [2, 0, 1]);

  const indexSnap = snapshot(r.relativePositionIndex);
  const pairsOfRow = new Map<number, number[]>();
  indexSnap.data.forEach((v, f) => {
    const list = pairsOfRow.get(v) ?? [];
    list.push(P + f);
    pairsOfRow.set(v, list);
  });
  const pairLinks = (flat: number, ids: Int32Array) => {
    const id = ids[flat] - P;
    return [tok(Math.floor(id / N)), tok(id % N), ids[flat]];
  };
  const tableRowIds = (row: number) => Array.from({ length: heads }, (_, h) => row * heads + h);

  const coordsView: TensorView = {
    name: 'coords',
    snap: snapshot(r.coords),
    dims: ['(h, w)', 'Wh', 'Ww'],
    provenance: coordsIds,
    caption: 'coords[0] is the row h of each token, coords[1] its column w'
  };
  const flatView: TensorView = {
    name: 'coords_flatten',
    snap: snapshot(r.coordsFlatten),
    dims: ['(h, w)', 'N'],
    provenance: provenanceOf(tf.reshape(tf.stack([tokens, tokens]), [2, N])),
    caption: `token t = h·${Ww} + w`
  };
  const rel = (snap: Snapshot, caption: string): TensorView => ({
    name: 'relative_coords',
    snap,
    dims: ['N (query i)', 'N (key j)', '(Δh, Δw)'],
    provenance: pairsNN2,
    linksOf: (f) => pairLinks(f, pairsNN2),
    grid: { rows: 0, cols: 1, facets: [2] },
    caption
  });
  const indexView: TensorView = {
    name: 'relative_position_index',
    snap: indexSnap,
    dims: ['N (query i)', 'N (key j)'],
    provenance: provenanceOf(pairIds),
    linksOf: (f) => [
      ...(pairsOfRow.get(indexSnap.data[f]) ?? []),
      ...tableRowIds(indexSnap.data[f])
    ],
    caption: `values 0..${Math.max(...indexSnap.data)}; equal offsets share a value`
  };
  const shifted = snapshot(r.relativeCoordsShifted);
  const scaled = rel(snapshot(r.relativeCoordsScaled), `row offset × ${2 * Ww - 1}`);
  const m = (a: number) => a - 1;
  const steps: Step[] = [
    {
      id: 'coords',
      title: 'coords (meshgrid)',
      explain: `meshgrid of arange(${Wh}) and arange(${Ww}) gives every token of the ${Wh}×${Ww} window its (row, column).`,
      tensors: [coordsView]
    },
    {
      id: 'flatten',
      title: 'coords_flatten',
      explain: `flatten(1) lists the ${N} tokens in row-major order: column t holds the (h, w) of token t.`,
      tensors: [coordsView, flatView]
    },
    {
      id: 'diff',
      title: 'Pairwise differences',
      explain: `coords_flatten[:, :, None] − coords_flatten[:, None, :] broadcasts to [2, ${N}, ${N}]: the offset (h_i − h_j, w_i − w_j) of query i from key j.`,
      tensors: [
        flatView,
        {
          name: 'relative_coords',
          snap: snapshot(diff),
          dims: ['(Δh, Δw)', 'N (query i)', 'N (key j)'],
          provenance: pairs2NN,
          linksOf: (f) => pairLinks(f, pairs2NN)
        }
      ]
    },
    {
      id: 'permute',
      title: 'permute(1, 2, 0)',
      explain: `Channels last: [${N}, ${N}, 2]. Δh runs from ${-m(Wh)} to ${m(Wh)}, Δw from ${-m(Ww)} to ${m(Ww)}.`,
      tensors: [rel(snapshot(r.relativeCoords), 'the two offsets of each pair')]
    },
    {
      id: 'shift',
      title: `+ (${m(Wh)}, ${m(Ww)})`,
      explain: `Adding Wh − 1 = ${m(Wh)} to Δh and Ww − 1 = ${m(Ww)} to Δw makes both start at 0: Δh + ${m(Wh)} in 0..${2 * Wh - 2}, Δw + ${m(Ww)} in 0..${2 * Ww - 2}.`,
      tensors: [rel(shifted, 'shifted to start from 0')]
    },
    {
      id: 'scale',
      title: `row × ${2 * Ww - 1}`,
      explain: `The row offset (axis 0) is multiplied by 2·Ww − 1 = ${2 * Ww - 1}, the number of distinct column offsets, so no two offsets can sum to the same index (see the collision demo below).`,
      tensors: [scaled]
    },
    {
      id: 'sum',
      title: 'sum(-1) → index',
      explain: `relative_position_index = the sum of the two: one integer per (query, key) pair, ${R} distinct values for ${N * N} pairs.`,
      tensors: [scaled, indexView]
    }
  ];
  return {
    steps,
    indexView,
    pairsOfRow,
    biasFrom,
    shifted,
    naive: snapshot(tf.sum(r.relativeCoordsShifted, -1)),
    tableImageFrom: provenanceOf(tableAsImage(iota([R, heads]), Wh, Ww, heads))
  };
}
