import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGolden } from '../../tests/golden/golden';
import { linesOf } from '$lib/trace/listing';
import { traceRelativePosition } from './trace';
import { collisionGroups } from './collisions';

const view = (t: ReturnType<typeof traceRelativePosition>, step: string, name: string) =>
  t.steps.find((s) => s.id === step)!.tensors.find((v) => v.name === name)!;

describe('traceRelativePosition', () => {
  it('matches PyTorch for every fixture window, square and not, and leaks nothing', () => {
    for (const c of loadGolden('swin_relpos').cases) {
      const [Wh, Ww] = c.params.window_size as [number, number];
      const before = tf.memory().numTensors;
      const t = traceRelativePosition({ Wh, Ww, num_heads: 2, seed: 0 });
      expect(tf.memory().numTensors).toBe(before);
      const index = view(t, 'sum', 'relative_position_index').snap;
      expect([...index.data]).toEqual(c.tensors.relative_position_index.data);
      expect(view(t, 'permute', 'relative_coords').snap.data).toEqual(
        Int32Array.from(c.tensors.relative_coords.data)
      );
      expect(view(t, 'table', 'relative_position_bias_table').snap.shape).toEqual([
        (2 * Wh - 1) * (2 * Ww - 1),
        2
      ]);
      expect(view(t, 'diff', 'relative_coords').snap.shape).toEqual([2, Wh * Ww, Wh * Ww]);
    }
  });

  it('steps follow the official order and each has code lines in both listings', () => {
    const t = traceRelativePosition({ Wh: 2, Ww: 3, num_heads: 1, seed: 1 });
    expect(t.steps.map((s) => s.id)).toEqual([
      'coords',
      'flatten',
      'diff',
      'permute',
      'shift',
      'scale',
      'sum',
      'table',
      'gather'
    ]);
    for (const s of t.steps) {
      if (s.id === 'table') continue; // a parameter: only the TS check of its size is marked
      for (const l of t.listings)
        expect(linesOf(l, s.id).length, `${s.id} ${l.label}`).toBeGreaterThan(0);
    }
  });

  it('bias provenance points at the table element each cell was gathered from', () => {
    const t = traceRelativePosition({ Wh: 2, Ww: 3, num_heads: 2, seed: 3 });
    const table = view(t, 'gather', 'relative_position_bias_table').snap;
    const bias = view(t, 'gather', 'relative_position_bias');
    bias.snap.data.forEach((v, f) => expect(v).toBe(table.data[bias.provenance![f]]));
    // Hovering a table row links every pair that reads it.
    const index = view(t, 'gather', 'relative_position_index').snap;
    const links = view(t, 'table', 'relative_position_bias_table').linksOf!(2 * 7); // row 7, head 0
    const pairsWith7 = [...index.data].filter((v) => v === 7).length;
    expect(links.length).toBe(1 + pairsWith7);
  });

  it('a seed change keeps the index steps (made once per size) and redraws the table and bias', () => {
    const params = { Wh: 2, Ww: 3, num_heads: 2, seed: 1 };
    const a = traceRelativePosition(params);
    const b = traceRelativePosition({ ...params, seed: 2 });
    const upToIndex = a.steps.findIndex((s) => s.id === 'table');
    expect(upToIndex).toBe(7);
    for (let k = 0; k < upToIndex; k++) expect(b.steps[k], a.steps[k].id).toBe(a.steps[k]);
    for (const [step, name] of [
      ['table', 'relative_position_bias_table'],
      ['gather', 'relative_position_bias']
    ])
      expect(view(b, step, name).snap.data).not.toEqual(view(a, step, name).snap.data);
    expect(b.extras.tableImage.snap.data).not.toEqual(a.extras.tableImage.snap.data);
    // Another size (here, heads) makes its own: its links count heads columns per table row.
    const c = traceRelativePosition({ ...params, num_heads: 1 });
    expect(c.steps[0]).not.toBe(a.steps[0]);
    expect(view(c, 'sum', 'relative_position_index').linksOf!(0)).toHaveLength(
      view(a, 'sum', 'relative_position_index').linksOf!(0).length - 1
    );
  });
});

describe('collisionGroups', () => {
  it('the sum without × (2Ww − 1) collides; the real index does not', () => {
    const t = traceRelativePosition({ Wh: 3, Ww: 3, num_heads: 1, seed: 0 });
    const { naive, shifted, index, Wh, Ww } = t.extras;
    const naiveGroups = collisionGroups(naive, shifted, index, Wh, Ww);
    const fixedGroups = collisionGroups(index, shifted, index, Wh, Ww);
    expect(fixedGroups.every((g) => g.offsets.length === 1)).toBe(true);
    expect(fixedGroups.length).toBe(25);
    expect(naiveGroups.length).toBe(9); // 0..8
    // (Δh, Δw) = (1, 0) and (0, 1) shift to (3, 2) and (2, 3): both sum to 5.
    const five = naiveGroups.find((g) => g.value === 5)!;
    expect(five.offsets.map((o) => [o.dh, o.dw])).toEqual(
      expect.arrayContaining([
        [1, 0],
        [0, 1]
      ])
    );
    expect(new Set(five.offsets.map((o) => o.fixed)).size).toBe(five.offsets.length);
  });
});
