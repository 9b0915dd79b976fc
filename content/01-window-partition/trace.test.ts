import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { linesOf } from '$lib/trace/listing';
import { traceWindowPartition, windowPartitionListings } from './trace';

const params = { B: 2, H: 8, W: 12, C: 3, window_size: 4, seed: 7 };

describe('traceWindowPartition', () => {
  it('records the steps from the real ops, each tied to code lines in both listings', () => {
    const before = tf.memory().numTensors;
    const trace = traceWindowPartition(params);
    expect(tf.memory().numTensors).toBe(before);
    expect(trace.steps.map((s) => s.id)).toEqual(['view6', 'permute', 'flatten', 'reverse']);
    for (const step of trace.steps)
      for (const l of windowPartitionListings)
        expect(linesOf(l, step.id).length, `${step.id} in ${l.label}`).toBeGreaterThan(0);
  });

  it('windows follow the partition formula and provenance points back into x', () => {
    const trace = traceWindowPartition(params);
    const flatten = trace.steps.find((s) => s.id === 'flatten')!;
    const x = flatten.tensors.find((t) => t.name === 'x')!;
    const windows = flatten.tensors.find((t) => t.name === 'windows')!;
    expect(windows.snap.shape).toEqual([12, 4, 4, 3]);
    const prov = windows.provenance!;
    for (let i = 0; i < windows.snap.data.length; i++)
      expect(windows.snap.data[i]).toBe(x.snap.data[prov[i]]);
    // windows[b·nW + wy·(W/ws) + wx, dy, dx, c] = x[b, wy·ws+dy, wx·ws+dx, c] for b=1, wy=1, wx=2, dy=3, dx=0, c=2
    const wi = ((1 * 6 + 1 * 3 + 2) * 16 + 3 * 4 + 0) * 3 + 2;
    const xi = ((1 * 8 + 7) * 12 + 8) * 3 + 2;
    expect(prov[wi]).toBe(xi);
  });

  it('the round trip is the identity and the 6-D view is badged', () => {
    const trace = traceWindowPartition(params);
    const view6 = trace.steps[0].tensors[0];
    expect(view6.viewShape).toEqual({
      sizes: [2, 2, 4, 3, 4, 3],
      dims: ['B', 'H/ws', 'ws', 'W/ws', 'ws', 'C']
    });
    const rev = trace.steps.at(-1)!.tensors.find((t) => t.name === 'x_reversed')!;
    expect(Array.from(rev.snap.data)).toEqual(Array.from(view6.snap.data));
  });

  it('pads H=10 to 12 by reflection and crops back', () => {
    const trace = traceWindowPartition({ ...params, B: 1, H: 10, W: 8, C: 1 });
    expect(trace.steps[0].id).toBe('pad');
    const padded = trace.steps[0].tensors.find((t) => t.name === 'x_padded')!;
    expect(padded.snap.shape).toEqual([1, 12, 8, 1]);
    // Row 10 mirrors row 8, row 11 mirrors row 7.
    expect(padded.provenance![10 * 8 + 3]).toBe(8 * 8 + 3);
    expect(padded.provenance![11 * 8 + 3]).toBe(7 * 8 + 3);
    const rev = trace.steps.at(-1)!.tensors.find((t) => t.name === 'x_reversed')!;
    expect(rev.snap.shape).toEqual([1, 10, 8, 1]);
  });
});
