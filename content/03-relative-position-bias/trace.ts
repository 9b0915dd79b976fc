/**
 * The /relative-position-bias trace: coords → coords_flatten → relative_coords (pairwise
 * differences, permute, + (M − 1), × (2Ww − 1)) → relative_position_index → the table gathered into
 * relative_position_bias. Runs the tensor core's `relativePositionIndex` / `relativePositionBias`
 * (microsoft/Swin-Transformer `WindowAttention.__init__`/`forward`) and, for hover links, the same
 * broadcasts and the same gather on index tensors.
 *
 * Link ids share one space: table element f = r·heads + h is f; token t is T + t; the pair
 * (query i, key j) is P + i·N + j, with T = R·heads and P = T + N.
 */
import * as tf from '@tensorflow/tfjs-core';
import { relativePositionBias, relativePositionIndex, snapshot } from '$lib/tensor';
import type { Snapshot } from '$lib/tensor/snapshot';
import tsSource from '$lib/tensor/relative-position.ts?raw';
import pySource from '../../scripts/golden/swin.py?raw';
import { listing } from '$lib/trace/listing';
import { iota, provenanceOf } from '$lib/trace/provenance';
import { scoped } from '$lib/trace/scoped';
import type { Step, Trace, TensorView } from '$lib/trace/types';
import { seededNormal } from '$lib/tensor/random';

export interface RelativePositionParams {
  Wh: number;
  Ww: number;
  num_heads: number;
  seed: number;
}

export const relativePositionListings = [
  listing('PyTorch (ours, made the fixtures)', 'python', pySource, [
    'relative_position_index',
    'relative_position_bias'
  ]),
  listing('TensorFlow.js (runs this page)', 'typescript', tsSource, [
    'relativePositionIndex',
    'relativePositionBias'
  ])
];

/** What the figure's extra panels need beside the steps (plain snapshots). */
export interface RelativePositionExtras {
  Wh: number;
  Ww: number;
  heads: number;
  /** `[N, N, 2]` after `+ (M − 1)`: the two shifted offsets of every pair. */
  shifted: Snapshot;
  /** `[N, N]`: the sum *without* the multiply (collides). */
  naive: Snapshot;
  /** `[N, N]`: `relative_position_index`. */
  index: Snapshot;
  /** `[heads, N, N]` and its provenance (table element of every cell). */
  bias: Snapshot;
  biasProvenance: Int32Array;
  /** `[heads, 2Wh−1, 2Ww−1]`: the table drawn as an image of offsets (dy, dx). */
  tableImage: TensorView;
}

export type RelativePositionTrace = Trace & { extras: RelativePositionExtras };

export function traceRelativePosition(p: RelativePositionParams): RelativePositionTrace {
  const { Wh, Ww } = p;
  const heads = p.num_heads;
  const N = Wh * Ww;
  const R = (2 * Wh - 1) * (2 * Ww - 1);
  const T = R * heads;
  const P = T + N;
  const tok = (t: number) => T + t;

  return scoped(() => {
    const r = relativePositionIndex([Wh, Ww]);
    const table = seededNormal([R, heads], p.seed, 0, 1);
    const bias = relativePositionBias(table, [Wh, Ww]);
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
    const naive = tf.sum(r.relativeCoordsShifted, -1);

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
    const tableSnap = snapshot(table);
    const tableView: TensorView = {
      name: 'relative_position_bias_table',
      snap: tableSnap,
      dims: ['(2Wh−1)(2Ww−1)', 'num_heads'],
      linksOf: (f) => [f, ...(pairsOfRow.get(Math.floor(f / heads)) ?? [])],
      caption: `${tableSnap.shape[0]} rows: one learned value per offset and head`
    };
    const biasView: TensorView = {
      name: 'relative_position_bias',
      snap: snapshot(bias),
      dims: ['num_heads', 'N (query i)', 'N (key j)'],
      provenance: biasFrom,
      linksOf: (f) => [biasFrom[f], ...(pairsOfRow.get(Math.floor(biasFrom[f] / heads)) ?? [])]
    };
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
        tensors: [rel(snapshot(r.relativeCoordsShifted), 'shifted to start from 0')]
      },
      {
        id: 'scale',
        title: `row × ${2 * Ww - 1}`,
        explain: `The row offset (axis 0) is multiplied by 2·Ww − 1 = ${2 * Ww - 1}, the number of distinct column offsets, so no two offsets can sum to the same index (see the collision demo below).`,
        tensors: [rel(snapshot(r.relativeCoordsScaled), `row offset × ${2 * Ww - 1}`)]
      },
      {
        id: 'sum',
        title: 'sum(-1) → index',
        explain: `relative_position_index = the sum of the two: one integer per (query, key) pair, ${R} distinct values for ${N * N} pairs.`,
        tensors: [rel(snapshot(r.relativeCoordsScaled), `row offset × ${2 * Ww - 1}`), indexView]
      },
      {
        id: 'table',
        title: 'The bias table',
        explain: `relative_position_bias_table is a learned parameter with (2·${Wh}−1)(2·${Ww}−1) = ${R} rows (one per offset) and num_heads = ${heads} columns. Hover a row to see every pair that reads it.`,
        tensors: [indexView, tableView]
      },
      {
        id: 'gather',
        title: 'Gather → bias [heads, N, N]',
        explain: `table[index.view(-1)] picks ${N * N} rows, view(${N}, ${N}, -1) and permute(2, 0, 1) give one ${N}×${N} bias per head; it is added to every window's q @ kᵀ.`,
        tensors: [indexView, tableView, biasView]
      }
    ];
    // Table rows laid out as an image of offsets: row r = (Δh + Wh − 1)(2Ww − 1) + (Δw + Ww − 1).
    const toImage = (t: tf.Tensor) => tf.reshape(tf.transpose(t), [heads, 2 * Wh - 1, 2 * Ww - 1]);
    const extras: RelativePositionExtras = {
      Wh,
      Ww,
      heads,
      shifted: snapshot(r.relativeCoordsShifted),
      naive: snapshot(naive),
      index: indexSnap,
      bias: biasView.snap,
      biasProvenance: biasFrom,
      tableImage: {
        name: 'table_by_offset',
        snap: snapshot(toImage(table)),
        dims: ['num_heads', 'Δh + Wh − 1', 'Δw + Ww − 1'],
        provenance: provenanceOf(toImage(iota([R, heads])))
      }
    };
    return { steps, listings: relativePositionListings, extras };
  });
}
