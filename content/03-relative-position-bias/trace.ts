/**
 * The /relative-position-bias trace: coords → coords_flatten → relative_coords (pairwise
 * differences, permute, + (M − 1), × (2Ww − 1)) → relative_position_index → the table gathered into
 * relative_position_bias. Runs the tensor core's `relativePositionIndex` / `relativePositionBias`
 * (microsoft/Swin-Transformer `WindowAttention.__init__`/`forward`). The steps up to the index,
 * the pairs' links and the bias's provenance depend on the sizes only and come from index-steps.ts
 * (which also says how link ids are numbered); the table and its gather are made here per seed.
 */
import { relativePositionBias, snapshot } from '$lib/tensor';
import type { Snapshot } from '$lib/tensor/snapshot';
import tsSource from '$lib/tensor/relative-position.ts?raw';
import pySource from '../../scripts/golden/swin.py?raw';
import { listing } from '$lib/trace/listing';
import { scoped } from '$lib/trace/scoped';
import type { Step, Trace, TensorView } from '$lib/trace/types';
import { seededNormal } from '$lib/tensor/random';
import { indexSteps, tableAsImage } from './index-steps';

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

  return scoped(() => {
    // Everything up to the index depends on the sizes only: made once per size.
    const { steps, indexView, pairsOfRow, biasFrom, shifted, naive, tableImageFrom } = indexSteps(
      Wh,
      Ww,
      heads
    );
    const table = seededNormal([R, heads], p.seed, 0, 1);
    const bias = relativePositionBias(table, [Wh, Ww]);
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
    const tableSteps: Step[] = [
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
    const extras: RelativePositionExtras = {
      Wh,
      Ww,
      heads,
      shifted,
      naive,
      index: indexView.snap,
      bias: biasView.snap,
      biasProvenance: biasFrom,
      tableImage: {
        name: 'table_by_offset',
        snap: snapshot(tableAsImage(table, Wh, Ww, heads)),
        dims: ['num_heads', 'Δh + Wh − 1', 'Δw + Ww − 1'],
        provenance: tableImageFrom
      }
    };
    return { steps: [...steps, ...tableSteps], listings: relativePositionListings, extras };
  });
}
