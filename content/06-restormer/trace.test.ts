import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { mdta } from '$lib/tensor';
import { linesOf } from '$lib/trace/listing';
import { previewRestormer, restormerListings, traceRestormer } from './trace';
import { restormerFacts, restormerParameterCount } from './facts';

const params = { C: 8, H: 6, W: 5, num_heads: 2, ffn_expansion_factor: 2.66, seed: 0 };
const STEPS = [
  'norm1',
  'qkv',
  'dwconv',
  'chunk',
  'rearrange',
  'normalize',
  'qk',
  'softmax',
  'av',
  'merge',
  'project',
  'residual1',
  'norm2',
  'project-in',
  'ffn-dwconv',
  'ffn-chunk',
  'gate',
  'ffn-out',
  'residual2'
];

const find = (t: ReturnType<typeof traceRestormer>, step: string, name: string) =>
  t.steps.find((s) => s.id === step)!.tensors.find((v) => v.name === name)!;

describe('traceRestormer', () => {
  it('steps through MDTA and GDFN with code lines, leaving no tensors', () => {
    const before = tf.memory().numTensors;
    const t = traceRestormer(params);
    expect(tf.memory().numTensors).toBe(before);
    expect(t.steps.map((s) => s.id)).toEqual(STEPS);
    for (const id of STEPS)
      expect(
        restormerListings.some((l) => linesOf(l, id).length > 0),
        id
      ).toBe(true);
  });

  it('attn is [1, 2, 4, 4] with rows summing to 1; hidden = int(8·2.66) = 21', () => {
    const t = traceRestormer(params);
    const attn = find(t, 'softmax', 'attn');
    expect(attn.snap.shape).toEqual([1, 2, 4, 4]);
    for (let r = 0; r < 8; r++) {
      const row = Array.from(attn.snap.data.slice(r * 4, r * 4 + 4));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    expect(find(t, 'gate', 'gated').snap.shape).toEqual([1, 21, 6, 5]);
    expect(find(t, 'project', 'out').snap.shape).toEqual([1, 8, 6, 5]);
  });

  it('q in the rearrange step links back into qkv by provenance', () => {
    const t = traceRestormer(params);
    const qkv = find(t, 'rearrange', 'qkv');
    for (const name of ['q', 'k', 'v']) {
      const r = find(t, 'rearrange', name);
      for (let i = 0; i < r.snap.data.length; i++)
        expect(r.snap.data[i]).toBe(qkv.snap.data[r.provenance![i]]);
    }
  });

  it('normalised q has unit norm over H·W', () => {
    const q = find(traceRestormer(params), 'normalize', 'q');
    for (let r = 0; r < 8; r++) {
      const row = q.snap.data.slice(r * 30, r * 30 + 30);
      expect(Math.hypot(...row)).toBeCloseTo(1, 5);
    }
  });

  it('the cost formulas agree with the real tensors', () => {
    const { costs } = traceRestormer(params);
    expect(costs.checks).toHaveLength(6);
    for (const c of costs.checks) expect(c.measured).toEqual(c.formula);
    expect(costs.series.mdta.every((x) => x.entries === 32)).toBe(true);
  });

  it('uses the tensor core’s mdta (same attn from the same inputs)', () => {
    // Sanity: mdta itself stays importable and shaped as the trace shows.
    tf.tidy(() => {
      const r = mdta(tf.ones([1, 8, 6, 5]), {
        numHeads: 2,
        qkvWeight: tf.ones([24, 8, 1, 1]),
        qkvDwconvWeight: tf.ones([24, 1, 3, 3]),
        projectOutWeight: tf.ones([8, 8, 1, 1]),
        temperature: tf.ones([2, 1, 1])
      });
      expect(r.attn.shape).toEqual([1, 2, 4, 4]);
    });
  });
});

describe('restormer facts', () => {
  it('counts the official default Restormer() at 26,126,644 parameters', () => {
    expect(restormerParameterCount()).toBe(26_126_644);
  });
  it('computes the misconception numbers from tensors', () => {
    const f = restormerFacts();
    expect(f.attnShape).toBe('(1, 2, 4, 4)');
    expect(f.dwGroups).toBe('24/24');
    expect(f.normHW).toBe('1.000–1.000');
    expect(f.geluNeg).toBe('-0.1587');
    expect(f.geluPos).toBe('0.8413');
    expect(f.outShape).toBe('(1, 8, 6, 5)');
    expect(f.params).toBe('26,126,644');
  });

  it('the preview on step 1 draws the same x and norm1 and lists the same steps, no leaks', () => {
    const full = traceRestormer({ ...params, seed: 4 });
    const counts: number[] = [];
    const before = tf.memory().numTensors;
    const preview = previewRestormer({ ...params, seed: 4 }, (n) => (counts.push(n), 0))!;
    expect(tf.memory().numTensors).toBe(before);
    expect(counts).toEqual([STEPS.length]);
    expect(preview.steps.map((s) => [s.id, s.title, s.explain])).toEqual(
      full.steps.map((s) => [s.id, s.title, s.explain])
    );
    expect(preview.steps[0].tensors.map((v) => v.name)).toEqual(['x', 'norm1']);
    for (const v of preview.steps[0].tensors) {
      const want = find(full, 'norm1', v.name);
      expect(v.snap.shape).toEqual(want.snap.shape);
      expect(Array.from(v.snap.data)).toEqual(Array.from(want.snap.data));
      expect(v.caption).toBe(want.caption);
    }
    expect(preview.steps.slice(1).every((s) => s.tensors.length === 0)).toBe(true);
    expect('costs' in preview).toBe(false);
  });

  it('on any other step the preview declines: the complete trace runs in the frame instead', () => {
    for (const step of [1, 7, 18]) expect(previewRestormer(params, () => step)).toBeNull();
  });
});
