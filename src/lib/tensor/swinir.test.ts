import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { compare, loadGolden, toTensor } from '../../../tests/golden/golden';
import { modelBytes } from '../../../tests/golden/model-bytes';
import { readSafetensors } from './safetensors';
import { swinir, swinirArgs, swinirWeights, windowOf, type SwinIRArgs } from './swinir';

const models: Record<string, { args: SwinIRArgs; weights: Record<string, tf.Tensor> }> = {};

async function model(name: string) {
  if (!models[name]) {
    const file = readSafetensors(await modelBytes(name));
    models[name] = { args: swinirArgs(file.metadata.args), weights: swinirWeights(file) };
  }
  return models[name];
}

const golden = loadGolden('swinir');
beforeAll(async () => {
  for (const c of golden.cases) await model(c.params.weights as string);
});
afterAll(() => {
  for (const m of Object.values(models)) tf.dispose(m.weights);
});

describe('swinir: the whole denoiser against our PyTorch model', () => {
  for (const c of golden.cases) {
    it(c.id, async () => {
      const { args, weights } = await model(c.params.weights as string);
      const x = toTensor(c.tensors.x);
      const r = swinir(x, weights, args, c.tensors.attn_w0_h0 ? { attentionAt: [0, 0] } : {});
      expect(compare(r.out, c.tensors.out)).toBeNull();
      if (c.tensors.attn_w0_h0) {
        // Pixel (0, 0) is token 0 of window 0 in the first (unshifted) block: row 0 of head 0.
        const a = r.attention[0];
        expect([a.layer, a.block, a.window, a.token, a.shiftSize]).toEqual([0, 0, 0, 0, 0]);
        expect(r.padded).toEqual(c.params.padded);
        const row = tf.tensor(a.weights.slice(0, a.windowSize ** 2), [1, a.windowSize ** 2]);
        const want = { ...c.tensors.attn_w0_h0 };
        want.shape = [1, want.shape[1]];
        want.data = want.data.slice(0, want.shape[1]);
        expect(compare(row, want)).toBeNull();
        row.dispose();
      }
      tf.dispose([x, r.out]);
    });
  }
});

describe('swinir: attention capture and bookkeeping', () => {
  it('returns one attention row per block; each head sums to 1 over its window', async () => {
    const { args, weights } = await model(golden.cases[0].params.weights as string);
    const x = tf.fill([1, 3, 20, 13], 0.5);
    const r = swinir(x, weights, args, { attentionAt: [17, 11] });
    expect(r.attention.map((a) => [a.layer, a.block, a.shiftSize])).toEqual([
      [0, 0, 0],
      [0, 1, 4],
      [1, 0, 0],
      [1, 1, 4]
    ]);
    for (const a of r.attention) {
      const N = a.windowSize ** 2;
      for (let h = 0; h < a.heads; h++) {
        let s = 0;
        for (let n = 0; n < N; n++) s += a.weights[h * N + n];
        expect(s).toBeCloseTo(1, 5);
      }
      // the query is one of its own window's keys
      expect([a.keys[2 * a.token], a.keys[2 * a.token + 1]]).toEqual([17, 11]);
    }
    tf.dispose([x, r.out]);
  });

  it('windowOf undoes the roll: keys of a shifted window wrap around the padded map', () => {
    const p = windowOf(0, 0, 16, 16, 8, 4);
    // (0, 0) rolled by −4 lands at (12, 12): window 3, token (4·8 + 4)
    expect([p.window, p.token]).toEqual([3, 36]);
    expect([p.keys[0], p.keys[1]]).toEqual([12, 12]);
    expect([p.keys[2 * 63], p.keys[2 * 63 + 1]]).toEqual([3, 3]);
  });

  it('refuses inputs it cannot run, saying why', async () => {
    const { args, weights } = await model(golden.cases[0].params.weights as string);
    const x1 = tf.zeros([1, 1, 16, 16]);
    expect(() => swinir(x1, weights, args)).toThrow(/in_chans=3/);
    const x3 = tf.zeros([1, 3, 16, 16]);
    expect(() => swinir(x3, weights, args, { attentionAt: [16, 0] })).toThrow(/outside the 16×16/);
    expect(() => swinir(x3, { 'conv_first.weight': weights['conv_first.weight'] }, args)).toThrow(
      /missing conv_first.bias/
    );
    expect(() => swinirArgs({ ...args, upscale: 2 })).toThrow(/only denoising SwinIR/);
    tf.dispose([x1, x3]);
  });

  it('leaks no tensors', async () => {
    const { args, weights } = await model(golden.cases[0].params.weights as string);
    const x = tf.fill([1, 3, 12, 9], 0.3);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) swinir(x, weights, args, { attentionAt: [3, 4] }).out.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
