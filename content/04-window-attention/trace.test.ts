import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { linesOf } from '$lib/trace/listing';
import { previewWindowAttention, traceWindowAttention } from './trace';

const p = { B: 1, H: 8, W: 8, C: 6, window_size: 4, num_heads: 2, seed: 0 };
const view = (t: ReturnType<typeof traceWindowAttention>, step: string, name: string) =>
  t.steps.find((s) => s.id === step)!.tensors.find((v) => v.name === name)!;

describe('traceWindowAttention', () => {
  it('shapes of the done-when example, rows of attn sum to 1, no leaks', () => {
    const before = tf.memory().numTensors;
    const t = traceWindowAttention(p);
    expect(tf.memory().numTensors).toBe(before);
    expect(view(t, 'split', 'q').snap.shape).toEqual([4, 2, 16, 3]);
    expect(view(t, 'permute', 'qkv').snap.shape).toEqual([3, 4, 2, 16, 3]);
    const attn = view(t, 'softmax', 'attn').snap;
    expect(attn.shape).toEqual([4, 2, 16, 16]);
    for (let row = 0; row < 4 * 2 * 16; row++) {
      let s = 0;
      for (let j = 0; j < 16; j++) s += attn.data[row * 16 + j];
      expect(s).toBeCloseTo(1, 5);
    }
    expect(view(t, 'proj', 'x_out').snap.shape).toEqual([4, 16, 6]);
  });

  it('every step names code lines in both listings; names are unique per step', () => {
    const t = traceWindowAttention(p);
    for (const s of t.steps) {
      for (const l of t.listings) expect(linesOf(l, s.id).length, `${s.id}`).toBeGreaterThan(0);
      expect(new Set(s.tensors.map((v) => v.name)).size).toBe(s.tensors.length);
    }
  });

  it('qkv channel s·C + h·d + e lands in qkv[s, ·, h, ·, e] (provenance by iota)', () => {
    const t = traceWindowAttention({ ...p, C: 12, num_heads: 3 });
    const { channels, C, d } = t.extras;
    expect(channels).toHaveLength(3 * C);
    for (const c of channels) expect(c.channel).toBe(c.s * C + c.h * d + c.e);
    // And the values agree: qkv_linear[0, 0, j] === qkv[s, 0, h, 0, e].
    const lin = view(t, 'permute', 'qkv_linear').snap;
    const qkv = view(t, 'permute', 'qkv');
    const [, B_, heads, N] = qkv.snap.shape;
    for (const c of channels)
      expect(qkv.snap.data[(((c.s * B_ + 0) * heads + c.h) * N + 0) * d + c.e]).toBe(
        lin.data[c.channel]
      );
  });

  it('a logit links its q row and its k row, and q @ kᵀ equals the dot product', () => {
    const t = traceWindowAttention(p);
    const q = view(t, 'qk', 'q');
    const k = view(t, 'qk', 'k');
    const logits = view(t, 'qk', 'attn_qk');
    const N = 16;
    const d = 3;
    const f = ((1 * 2 + 1) * N + 5) * N + 9; // (b=1, h=1, i=5, j=9)
    const ids = new Set(logits.linksOf!(f));
    const qLinked = [...q.provenance!.keys()].filter((i) => ids.has(q.provenance![i]));
    const kLinked = [...k.provenance!.keys()].filter((i) => ids.has(k.provenance![i]));
    expect(qLinked).toEqual([0, 1, 2].map((e) => (3 * N + 5) * d + e));
    expect(kLinked).toEqual([0, 1, 2].map((e) => (3 * N + 9) * d + e));
    const dot = [0, 1, 2].reduce(
      (s, e) => s + q.snap.data[qLinked[e]] * k.snap.data[kLinked[e]],
      0
    );
    expect(logits.snap.data[f]).toBeCloseTo(dot, 5);
  });

  it('the preview on step 1 draws the same x and qkv_linear and lists the same steps, no leaks', () => {
    const full = traceWindowAttention({ ...p, seed: 3 });
    const counts: number[] = [];
    const before = tf.memory().numTensors;
    const preview = previewWindowAttention({ ...p, seed: 3 }, (count) => (counts.push(count), 0))!;
    expect(tf.memory().numTensors).toBe(before);
    expect(counts).toEqual([full.steps.length]);
    expect(preview.steps.map((s) => s.id)).toEqual(full.steps.map((s) => s.id));
    expect(preview.steps.map((s) => s.title)).toEqual(full.steps.map((s) => s.title));
    expect(preview.steps[0].explain).toBe(full.steps[0].explain);
    // The softmax step's measured deviation is not claimed before it is measured.
    expect(preview.steps[7].explain).toContain('(measuring…)');
    expect(full.steps[7].explain).toMatch(/largest deviation here \d\.\de[-+]\d+/);
    const [x, lin] = preview.steps[0].tensors;
    expect(preview.steps[0].tensors.map((v) => v.name)).toEqual(['x', 'qkv_linear']);
    for (const v of [x, lin]) {
      const want = view(full, 'linear', v.name);
      expect(v.snap.shape).toEqual(want.snap.shape);
      // linear(x) itself, and the complete trace's qkv read back through the permute: equal floats.
      expect(Array.from(v.snap.data)).toEqual(Array.from(want.snap.data));
      expect(v.provenance).toEqual(want.provenance);
      expect(v.guides).toEqual(want.guides);
    }
    expect(preview.steps.slice(1).every((s) => s.tensors.length === 0)).toBe(true);
  });

  it('on any other step the preview declines: the complete trace runs in the frame instead', () => {
    for (const step of [1, 5, 10]) expect(previewWindowAttention(p, () => step)).toBeNull();
  });
});
