import { describe, expect, it } from 'vitest';
import { fromWire, keptBetweenTraces, toWire, transferables } from './serialize';
import type { Trace } from './types';

const trace: Trace = {
  listings: [],
  steps: [
    {
      id: 's',
      title: 'S',
      explain: '',
      tensors: [
        {
          name: 'attn_mask',
          snap: { shape: [2, 2], dtype: 'float32', data: Float32Array.from([0, -100, -100, 0]) },
          dims: ['N', 'N'],
          provenance: Int32Array.from([0, 1, 2, 3]),
          linksOf: (flat) => [Math.floor(flat / 2) + 10, (flat % 2) + 10]
        },
        {
          name: 'x',
          snap: { shape: [2], dtype: 'int32', data: Int32Array.from([10, 11]) },
          dims: ['N']
        }
      ]
    }
  ]
};

describe('trace wire format', () => {
  it('survives structured clone with links evaluated into a table', () => {
    const wire = structuredClone(toWire(trace));
    const back = fromWire(wire);
    const view = back.steps[0].tensors[0];
    expect([0, 1, 2, 3].map((f) => view.linksOf!(f))).toEqual([
      [10, 10],
      [10, 11],
      [11, 10],
      [11, 11]
    ]);
    expect(back.steps[0].tensors[1].linksOf).toBeUndefined();
    expect(Array.from(view.snap.data)).toEqual([0, -100, -100, 0]);
  });
  it('lists each buffer to transfer once, and never a provenance (kept between traces)', () => {
    const wire = toWire(trace);
    const buffers = transferables(wire);
    // Two snapshots and the link table's offsets and ids.
    expect(buffers).toHaveLength(4);
    expect(buffers).not.toContain(trace.steps[0].tensors[0].provenance!.buffer);
    structuredClone(wire, { transfer: buffers });
    expect(trace.steps[0].tensors[0].provenance!.length).toBe(4);
  });
  it('never transfers a snapshot a chapter keeps between traces (memoized by size)', () => {
    const kept = Int32Array.from([7, 8, 9]);
    const memoized: Trace = {
      listings: [],
      steps: [
        {
          id: 'k',
          title: 'K',
          explain: '',
          tensors: [
            { name: 'index', snap: { shape: [3], dtype: 'int32', data: kept }, dims: ['N'] }
          ]
        }
      ]
    };
    expect(transferables(toWire(memoized))).toEqual([kept.buffer]);
    keptBetweenTraces(kept);
    const wire = toWire(memoized);
    expect(transferables(wire)).toEqual([]);
    structuredClone(wire, { transfer: transferables(wire) });
    expect(Array.from(kept)).toEqual([7, 8, 9]);
  });
});
