import { describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { linesOf } from '$lib/trace/listing';
import { STEP_IDS } from './steps';
import { patchMergingListings, previewPatchMerging, tracePatchMerging } from './trace';
import { mergeWeights } from './weights';

// The real weights, watched: the preview must not make PatchMerging's [2C, 4C] reduction or
// Restormer's convs (e.g. [384, 192, 3, 3]) in the frame.
vi.mock('./weights', async (actual) => {
  const real = await actual<typeof import('./weights')>();
  return { ...real, mergeWeights: vi.fn(real.mergeWeights) };
});

const params = { B: 2, H: 4, W: 6, C: 3, patch_size: 2, embed_dim: 5, seed: 3 };
const STEPS = ['embed', 'view', 'slice', 'cat', 'reduce', 'unshuffle', 'shuffle'];
type T = ReturnType<typeof tracePatchMerging>;
const view = (t: T, step: string, name: string) =>
  t.steps.find((s) => s.id === step)!.tensors.find((v) => v.name === name)!;

describe('tracePatchMerging', () => {
  it('records the steps from the real ops, each tied to code lines in both listings, leak-free', () => {
    const before = tf.memory().numTensors;
    const t = tracePatchMerging(params);
    expect(tf.memory().numTensors).toBe(before);
    expect(t.steps.map((s) => s.id)).toEqual(STEPS);
    for (const step of t.steps)
      for (const l of patchMergingListings)
        expect(linesOf(l, step.id).length, `${step.id} in ${l.label}`).toBeGreaterThan(0);
  });

  it('has the DOM contract shapes', () => {
    const t = tracePatchMerging(params);
    const shape = (step: string, name: string) => view(t, step, name).snap.shape;
    expect(shape('view', 'x')).toEqual([2, 4, 6, 3]);
    for (const k of ['x0', 'x1', 'x2', 'x3']) expect(shape('slice', k)).toEqual([2, 2, 3, 3]);
    expect(shape('cat', 'x_cat')).toEqual([2, 2, 3, 12]);
    expect(shape('reduce', 'x_merged')).toEqual([2, 6, 6]);
    expect(shape('embed', 'tokens')).toEqual([2, 6, 5]);
    expect(shape('unshuffle', 'x_unshuffled')).toEqual([2, 12, 2, 3]);
    expect(shape('shuffle', 'x_shuffled')).toEqual([2, 3, 4, 6]);
  });

  it('x_cat and x_unshuffled follow their formulas; provenance points back into x', () => {
    const t = tracePatchMerging(params);
    const x = view(t, 'view', 'x').snap.data;
    const cat = view(t, 'cat', 'x_cat');
    const un = view(t, 'unshuffle', 'x_unshuffled');
    const [B, H, W, C] = [2, 4, 6, 3];
    const xAt = (b: number, y: number, xx: number, c: number) => x[((b * H + y) * W + xx) * C + c];
    const offsets = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1]
    ];
    for (let b = 0; b < B; b++)
      for (let i = 0; i < H / 2; i++)
        for (let j = 0; j < W / 2; j++)
          for (let c = 0; c < C; c++)
            for (let q = 0; q < 4; q++) {
              const [dy, dx] = offsets[q];
              const k = q * C + c;
              const fc = ((b * 2 + i) * 3 + j) * 12 + k;
              expect(cat.snap.data[fc]).toBe(xAt(b, 2 * i + dy, 2 * j + dx, c));
              expect(x[cat.provenance![fc]]).toBe(cat.snap.data[fc]);
              const u = c * 4 + dy * 2 + dx;
              expect(un.snap.data[((b * 12 + u) * 2 + i) * 3 + j]).toBe(
                xAt(b, 2 * i + dy, 2 * j + dx, c)
              );
            }
  });

  it('the permutation table is read from the tensors and agrees with both formulas', () => {
    const t = tracePatchMerging(params);
    const { rows, perm, fixed, agreed, checked } = t.permutation;
    expect(perm).toEqual([0, 4, 8, 2, 6, 10, 1, 5, 9, 3, 7, 11]);
    expect(rows.every((r) => r.formulaAgrees)).toBe(true);
    expect(rows[4]).toMatchObject({ cat: 4, block: 1, dy: 1, dx: 0, c: 1, unshuffled: 6 });
    expect(fixed).toBe(2);
    expect(agreed).toBe(checked);
    expect(checked).toBe(2 * 6 * 12);
  });

  it('checks: conv = partition + Linear; shuffle undoes unshuffle; the Linear needs permuted columns', () => {
    const c = tracePatchMerging(params).checks;
    expect(c.embedAsLinear).toBeLessThan(1e-5);
    expect(c.catFromUnshuffled).toBe(0);
    expect(c.shuffleRoundTrip).toBe(0);
    expect(c.linearPermuted).toBeLessThan(1e-5);
    expect(c.linearUnpermuted).toBeGreaterThan(0.1);
  });

  it('hover links: a token lights its patch, a merged token its 2×2 neighbourhood', () => {
    const t = tracePatchMerging(params);
    const tokens = view(t, 'embed', 'tokens');
    // Token 4 of image 1 (E = 5): patch row 1, column 1 → pixels y 2..3, x 2..3, all 3 channels.
    const ids = tokens.linksOf!((1 * 6 + 4) * 5).slice(1);
    const expected = [];
    for (const y of [2, 3])
      for (const xx of [2, 3])
        for (let c = 0; c < 3; c++) expected.push(((1 * 4 + y) * 6 + xx) * 3 + c);
    expect(ids).toEqual(expected);
    const merged = view(t, 'reduce', 'x_merged');
    const m = merged.linksOf!(0).slice(1);
    expect([...m].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 18, 19, 20, 21, 22, 23]);
  });

  it('Restormer: Downsample halves the side and doubles channels; Upsample undoes the shape', () => {
    const t = tracePatchMerging({ ...params, C: 4 });
    expect(t.restormer.map((s) => s.shape)).toEqual([
      [2, 4, 4, 6],
      [2, 2, 4, 6],
      [2, 8, 2, 3],
      [2, 16, 2, 3],
      [2, 4, 4, 6]
    ]);
    expect(tracePatchMerging({ ...params, C: 1 }).restormer).toHaveLength(1);
  });

  it('the preview on step 1 draws the same x and tokens and lists the same steps, no leaks', () => {
    expect(STEP_IDS).toEqual(STEPS);
    // patch_size 2 and 1, C 3 and 4: the texts quote real shapes.
    for (const p of [params, { ...params, C: 4, patch_size: 1, seed: 7 }]) {
      const full = tracePatchMerging(p);
      const counts: number[] = [];
      const before = tf.memory().numTensors;
      const preview = previewPatchMerging(p, (n) => (counts.push(n), 0))!;
      expect(tf.memory().numTensors).toBe(before);
      expect(counts).toEqual([STEPS.length]);
      expect(preview.steps.map((s) => [s.id, s.title, s.explain])).toEqual(
        full.steps.map((s) => [s.id, s.title, s.explain])
      );
      expect(preview.steps[0].tensors.map((v) => v.name)).toEqual(['x', 'tokens']);
      for (const v of preview.steps[0].tensors) {
        const want = view(full, 'embed', v.name);
        expect(v.snap.shape).toEqual(want.snap.shape);
        expect(Array.from(v.snap.data)).toEqual(Array.from(want.snap.data));
        expect(v.caption).toBe(want.caption);
        expect(v.guides).toEqual(want.guides);
        expect(v.provenance && Array.from(v.provenance)).toEqual(
          want.provenance && Array.from(want.provenance)
        );
        for (const f of [0, 7, v.snap.data.length - 1])
          expect(v.linksOf!(f)).toEqual(want.linksOf!(f));
      }
      expect(preview.steps.slice(1).every((s) => s.tensors.length === 0)).toBe(true);
    }
  });

  it('the preview makes no PatchMerging or Restormer weights; the complete trace does', () => {
    vi.mocked(mergeWeights).mockClear();
    previewPatchMerging(params, () => 0);
    expect(mergeWeights).not.toHaveBeenCalled();
    tracePatchMerging(params);
    expect(mergeWeights).toHaveBeenCalledTimes(1);
  });

  it('on any other step the preview declines: the complete trace runs in the frame instead', () => {
    for (const step of [1, 4, 6]) expect(previewPatchMerging(params, () => step)).toBeNull();
  });
});
