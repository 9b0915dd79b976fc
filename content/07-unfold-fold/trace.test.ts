import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { compare, loadGolden, toTensor } from '../../tests/golden/golden';
import { linesOf } from '$lib/trace/listing';
import {
  traceUnfoldFold,
  unfoldFoldFacts,
  unfoldFoldRestore,
  type UnfoldFoldParams
} from './trace';
import type { TensorView } from '$lib/trace/types';

const base: UnfoldFoldParams = {
  H: 5,
  W: 5,
  C: 1,
  kernel_size: 3,
  stride: 1,
  padding: 1,
  seed: 0
};
const view = (t: ReturnType<typeof traceUnfoldFold>, step: string, name: string): TensorView => {
  const v = t.steps.find((s) => s.id === step)?.tensors.find((x) => x.name === name);
  if (!v) throw new Error(`no ${name} in ${step}`);
  return v;
};

describe('traceUnfoldFold', () => {
  it('records the six steps with the contract names, and leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const t = traceUnfoldFold(base);
    expect(tf.memory().numTensors).toBe(before);
    expect(t.steps.map((s) => s.id)).toEqual([
      'pad',
      'unfold_cols',
      'unfold_rows',
      'fold',
      'count',
      'divide'
    ]);
    const names = new Set(t.steps.flatMap((s) => s.tensors.map((v) => v.name)));
    for (const n of ['x', 'x_unfold', 'x_fold', 'overlap_count', 'x_restored'])
      expect(names.has(n)).toBe(true);
    // Every step highlights at least one line of our own code, in both languages.
    for (const s of t.steps)
      for (const l of t.listings.slice(0, 2))
        expect(linesOf(l, s.id).length, s.id).toBeGreaterThan(0);
  });

  it('H=8 W=12 k3 s1 p1: the count is 4 / 6 / 9 and x_restored equals x', () => {
    const t = traceUnfoldFold({ ...base, H: 8, W: 12 });
    const count = view(t, 'count', 'overlap_count').snap;
    expect(count.shape).toEqual([1, 1, 8, 12]);
    expect([count.data[0], count.data[11], count.data[84], count.data[95]]).toEqual([4, 4, 4, 4]);
    expect([count.data[1], count.data[12], count.data[23], count.data[90]]).toEqual([6, 6, 6, 6]);
    expect(count.data[13]).toBe(9);
    const x = view(t, 'divide', 'x').snap.data;
    const restored = view(t, 'divide', 'x_restored').snap.data;
    for (let i = 0; i < x.length; i++) expect(Math.abs(restored[i] - x[i])).toBeLessThan(1e-5);
    expect(t.steps.find((s) => s.id === 'count')?.explain).toContain('Every pixel');
  });

  it('provenance: each x_unfold entry is the x_padded pixel its id names; a pixel links its copies', () => {
    const t = traceUnfoldFold({ ...base, C: 2, H: 4, W: 6, stride: 2 });
    const unf = view(t, 'unfold_cols', 'x_unfold');
    const padded = view(t, 'unfold_cols', 'x_padded');
    const N = padded.snap.data.length;
    const [, rows, L] = unf.snap.shape;
    for (let e = 0; e < rows * L; e++) {
      const ids = view(t, 'fold', 'x_unfold').linksOf!(e);
      expect(ids[0]).toBe(N + e);
      expect(unf.snap.data[e]).toBe(padded.snap.data[ids[1]]);
    }
    // Hovering x_fold pixel (0, 0, 1, 1) links the column entries that add into it.
    const xf = view(t, 'fold', 'x_fold');
    const flat = 1 * 6 + 1;
    const entries = xf.linksOf!(flat).filter((id) => id >= N);
    const count = view(t, 'count', 'overlap_count').snap.data[flat];
    expect(entries.length).toBe(count);
    const sum = entries.reduce((a, id) => a + unf.snap.data[id - N], 0);
    expect(sum).toBeCloseTo(xf.snap.data[flat], 5);
    // A column links its whole patch: 2 channels × 3 × 3.
    expect(unf.linksOf!(0).filter((id) => id < N)).toHaveLength(18);
  });

  it('H=8 k5 s3 p1 leaves row 7 uncovered, explains it and divides 0/0 into 0', () => {
    const t = traceUnfoldFold({ ...base, H: 8, kernel_size: 5, stride: 3 });
    const count = view(t, 'count', 'overlap_count').snap.data;
    for (let x = 0; x < 5; x++) expect(count[7 * 5 + x]).toBe(0);
    const restored = view(t, 'divide', 'x_restored').snap.data;
    expect(restored.every(Number.isFinite)).toBe(true);
    expect(restored[7 * 5]).toBe(0);
    const text = t.steps.find((s) => s.id === 'count')!.explain;
    expect(text).toContain('row 7');
    expect(text).toContain('0/0');
    expect(text).toContain('ends at image row 6');
  });

  it('unfoldFoldRestore matches the PyTorch fixtures (fold and count)', () => {
    for (const c of loadGolden('fold').cases) {
      const { kernel_size: k, stride: s, padding: p } = c.params as Record<string, number>;
      tf.tidy(() => {
        const r = unfoldFoldRestore(toTensor(c.tensors.x), k, s, p);
        expect(compare(r.xUnfold, c.tensors.cols), c.id).toBeNull();
        expect(compare(r.xFold, c.tensors.folded), c.id).toBeNull();
        expect(compare(tf.squeeze(r.overlapCount), c.tensors.count), c.id).toBeNull();
      });
    }
  });

  it('computes the facts the prose quotes', () => {
    const f = unfoldFoldFacts();
    expect(f.xFoldShape).toBe('[1, 3, 100, 100]');
    expect(f.xUnfoldShape).toBe('[1, 108, 2500]');
    expect(f.regionCount).toBe('9');
    expect(f.borderCount).toBe('4 or 6');
    expect([f.row8Channel, f.row9Channel]).toEqual(['0', '1']);
    expect([f.k3Corner, f.k3Edge, f.k3Inside, f.gapRows]).toEqual(['4', '6', '9', '7']);
    expect(Number(f.regionMaxDiff)).toBeLessThan(1e-6);
  });
});
