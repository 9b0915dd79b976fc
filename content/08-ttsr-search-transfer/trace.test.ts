import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { searchTransfer } from '$lib/tensor';
import { linesOf } from '$lib/trace/listing';
import { REF, traceTtsr, ttsrFacts, ttsrInputs, type Rgb } from './trace';

function texture(width: number, height: number, seed: number): Rgb {
  const n = width * height;
  const data = new Float32Array(3 * n);
  for (let c = 0; c < 3; c++)
    for (let i = 0; i < n; i++)
      data[c * n + i] =
        0.5 + 0.5 * Math.sin(seed + 0.7 * (i % width) * (c + 1) + 0.3 * Math.floor(i / width));
  return { width, height, data };
}

describe('traceTtsr', () => {
  const lr = texture(5, 4, 1);
  const ref = texture(24, 20, 2);

  it('records the seven steps with the contract names, and leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const t = traceTtsr({ lr, ref });
    expect(tf.memory().numTensors).toBe(before);
    expect(t.steps.map((s) => s.id)).toEqual([
      'unfold',
      'normalize',
      'relevance',
      'max',
      'gather',
      'fold',
      'divide'
    ]);
    const names = new Set(t.steps.flatMap((s) => s.tensors.map((v) => v.name)));
    for (const n of ['R', 'score', 'index', 'T_lv3', 'T_lv2', 'T_lv1'])
      expect(names.has(n)).toBe(true);
    for (const s of t.steps)
      for (const l of t.listings) expect(linesOf(l, s.id).length, s.id).toBeGreaterThan(0);
    expect([t.h, t.w, t.hr, t.wr]).toEqual([4, 5, 5, 6]);
  });

  it('index and T_lv3 are the tensor core’s searchTransfer on the stand-in features', () => {
    const t = traceTtsr({ lr, ref });
    tf.tidy(() => {
      const inp = ttsrInputs(
        tf.tensor4d(lr.data, [1, 3, 4, 5]),
        tf.tensor4d(ref.data, [1, 3, 20, 24])
      );
      const r = searchTransfer(inp.lrsrLv3, inp.refsrLv3, inp.refLv1, inp.refLv2, inp.refLv3);
      expect([...t.index]).toEqual([...r.index.dataSync()]);
      const shown = t.steps.find((s) => s.id === 'fold')!.tensors.find((v) => v.name === 'T_lv3')!;
      expect([...shown.snap.data]).toEqual([...r.T_lv3.dataSync()]);
      expect(shown.snap.shape).toEqual([1, 3, 4, 5]);
    });
  });

  it('links: an index cell names its LR position, reference patch and R entry', () => {
    const t = traceTtsr({ lr, ref });
    const index = t.steps.find((s) => s.id === 'max')!.tensors.find((v) => v.name === 'index')!;
    expect(index.linksOf!(7)).toEqual([7, REF + t.index[7], (1 << 21) + t.index[7] * 20 + 7]);
    // A T_lv1 pixel in the interior collects the patches of 9 LR positions (3×3).
    const lv1 = t.steps.find((s) => s.id === 'fold')!.tensors.find((v) => v.name === 'T_lv1')!;
    const ids = lv1.linksOf!(8 * 20 + 9).filter((id) => id < REF);
    expect(ids.length).toBe(9);
  });

  it('official and post agree exactly where the post’s divisor is 9', () => {
    const t = traceTtsr({ lr: texture(6, 6, 3), ref: texture(24, 24, 4) });
    const last = t.steps.at(-1)!.tensors;
    const diff = last.find((v) => v.name === 'T_lv3_diff')!.snap.data;
    const divisor = last.find((v) => v.name === 'divisor_lv3')!.snap.data;
    let differing = 0;
    for (let i = 0; i < diff.length; i++) {
      if (divisor[i] === 9) expect(Math.abs(diff[i])).toBeLessThan(1e-6);
      else differing++;
    }
    expect(differing).toBeGreaterThan(0); // at least the corners
    expect(t.steps.at(-1)!.explain).toContain('Official TTSR');
  });

  it('computes the facts the prose quotes', () => {
    const f = ttsrFacts();
    expect(f.countValues).toBe('4, 6, 9');
    expect(f.lv3Shape).toBe('[1, 2, 3, 4]');
    expect(f.lv1Shape).toBe('[1, 1, 12, 16]');
    expect(Number(f.divisorMin)).toBeGreaterThanOrEqual(1);
    expect(Number(f.maxDiff)).toBeGreaterThan(0);
  });
});
