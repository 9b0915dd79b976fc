import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { linesOf } from '$lib/trace/listing';
import { headsVsConvListings, traceHeadsVsConv } from './trace';
import { headsVsConvFacts } from './facts';

const base = { C: 6, window_size: 3, num_heads: 2, seed: 0, pixel: 4 };

describe('traceHeadsVsConv', () => {
  it('leaves no tensors, and each attention step has code lines', () => {
    const before = tf.memory().numTensors;
    const t = traceHeadsVsConv(base);
    expect(tf.memory().numTensors).toBe(before);
    expect(t.steps.map((s) => s.id)).toEqual(['softmax', 'av', 'kernels', 'mdta', 'sca']);
    for (const id of ['softmax', 'av', 'kernels', 'mdta', 'sca'])
      expect(
        headsVsConvListings.some((l) => linesOf(l, id).length > 0),
        id
      ).toBe(true);
  });

  for (const heads of [1, 2, 3, 6])
    it(`num_heads=${heads}: ${heads} distinct maps per window, channels independent`, () => {
      const { experiments: e, steps } = traceHeadsVsConv({ ...base, num_heads: heads });
      expect(e.counts).toEqual([heads, heads, heads, heads]);
      expect(e.independence.offChannel).toBe(0);
      expect(e.independence.onChannel).toBeGreaterThan(0);
      expect(e.independenceAll.map((r) => r.heads)).toEqual([1, 2, 3, 6]);
      const kernels = steps[2].tensors.find((v) => v.name === 'kernels')!;
      expect(kernels.snap.shape).toEqual([6, 3, 3]);
    });

  it('the table: attention is position- and input-dependent and never mixes; convs stay put', () => {
    const { experiments: e } = traceHeadsVsConv(base);
    const row = Object.fromEntries(e.table.map((r) => [r.id, r]));
    expect(row.attention.mixesChannels).toBe(0);
    expect(row.attention.variesWithPosition).toBeGreaterThan(1e-3);
    expect(row.attention.dependsOnInput).toBeGreaterThan(1e-3);
    expect(row.depthwise).toMatchObject({ mixesChannels: 0, dependsOnInput: 0 });
    expect(row.depthwise.variesWithPosition).toBeLessThan(1e-6);
    expect(row.grouped.mixesChannels).toBeGreaterThan(1e-3);
    expect(row.grouped.variesWithPosition).toBeLessThan(1e-6);
    expect(row.mdta.mixesChannels).toBeGreaterThan(1e-3);
    expect(row.mdta.variesWithPosition).toBe(0);
    expect(row.sca.mixesChannels).toBe(0);
    expect(row.sca.dependsOnInput).toBeGreaterThan(0);
  });

  it('kernels are attn rows (provenance) and link to v and out of their own channel', () => {
    const { steps } = traceHeadsVsConv(base);
    const attn = steps[0].tensors[0];
    const k = steps[2].tensors.find((v) => v.name === 'kernels')!;
    for (let i = 0; i < k.snap.data.length; i++)
      expect(k.snap.data[i]).toBe(attn.snap.data[k.provenance![i]]);
    // kernels[4, j] (channel 4, head 1) is attn[0, 1, 4, j].
    expect(k.provenance![4 * 9 + 2]).toBe(((0 * 2 + 1) * 9 + 4) * 9 + 2);
    expect(k.linksOf!(4 * 9 + 2)).toHaveLength(3);
  });

  it('runs the largest allowed size in reasonable time', () => {
    const t0 = performance.now();
    traceHeadsVsConv({ C: 12, window_size: 6, num_heads: 4, seed: 1, pixel: 35 });
    expect(performance.now() - t0).toBeLessThan(8_000);
  });
});

describe('headsVsConvFacts', () => {
  it('reproduces the errata: 1 and 6 maps, no channel mixing, not Toeplitz', () => {
    const f = headsVsConvFacts();
    expect(f.counts1).toBe('1, 1, 1, 1');
    expect(f.counts6).toBe('6, 6, 6, 6');
    expect(f.off1).toBe('0');
    expect(f.off6).toBe('0');
    expect(Number(f.toeplitz)).toBeGreaterThan(0.01);
    expect(f.scaMix).toBe('0');
  });
});
