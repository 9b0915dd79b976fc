import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import {
  attnTimesV,
  channelIndependence,
  channelKernels,
  distinctMaps,
  headOfChannel
} from './heads-vs-conv';
import { impulseResponse, kernelProperties, neighbourOf } from './kernel-properties';
import {
  depthwiseOp,
  groupedConv,
  groupedOp,
  mdtaOp,
  scaOp,
  windowAttentionOp
} from './linear-operators';

const rnd = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);
const softmaxMaps = (shape: number[], seed: number) => tf.softmax(rnd(shape, seed), -1);

/** Runs fn in a tfjs scope (disposing what it made) and returns its plain result. */
function scope<T>(fn: () => T): T {
  tf.engine().startScope();
  try {
    return fn();
  } finally {
    tf.engine().endScope();
  }
}

/** Runs fn and checks it leaves no tensor behind. */
function noLeak<T>(fn: () => T): T {
  const before = tf.memory().numTensors;
  const out = fn();
  expect(tf.memory().numTensors).toBe(before);
  return out;
}

describe('headOfChannel / channelKernels', () => {
  it('groups consecutive channels by head, as the qkv reshape (…, heads, C/heads) does', () => {
    expect(headOfChannel(6, 2)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(headOfChannel(6, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(() => headOfChannel(6, 4)).toThrow('num_heads=4 does not divide C=6');
  });
  it('kernels[c] is the picked row of its head’s map, and out[i, c] = Σ_j kernels[c, j]·v[j, c]', () => {
    noLeak(() =>
      scope(() => {
        const attn = softmaxMaps([1, 3, 9, 9], 1);
        const v = rnd([1, 3, 9, 2], 2);
        const k = channelKernels(tf.squeeze(attn, [0]), 4, 6);
        expect(k.shape).toEqual([6, 9]);
        const kd = k.arraySync();
        expect(kd[0]).toEqual(kd[1]);
        expect(kd[2]).not.toEqual(kd[1]);
        const out = (attnTimesV(attn, v).arraySync() as number[][][])[0][4];
        const vv = tf.reshape(tf.transpose(v, [0, 2, 1, 3]), [9, 6]).arraySync() as number[][];
        for (let c = 0; c < 6; c++) {
          const expected = kd[c].reduce((s, w, j) => s + w * vv[j][c], 0);
          expect(out[c]).toBeCloseTo(expected, 5);
        }
      })
    );
  });
  it('refuses a pixel outside the window', () => {
    tf.tidy(() => {
      expect(() => channelKernels(softmaxMaps([2, 4, 4], 3), 4, 4)).toThrow('0–3');
    });
  });
});

describe('experiments', () => {
  for (const heads of [1, 2, 3, 6])
    it(`channel independence holds exactly for heads=${heads}`, () => {
      const r = noLeak(() =>
        scope(() =>
          channelIndependence(
            softmaxMaps([4, heads, 9, 9], heads),
            rnd([4, heads, 9, 6 / heads], 7)
          )
        )
      );
      expect(r.offChannel).toBe(0);
      expect(r.onChannel).toBeGreaterThan(0.5);
    });
  it('counts one distinct map per head in every window', () => {
    for (const heads of [1, 2, 3, 6]) {
      const counts = scope(() => distinctMaps(softmaxMaps([4, heads, 9, 9], 11), 6));
      expect(counts).toEqual([heads, heads, heads, heads]);
    }
  });
  it('neighbourOf moves right, or left at the right border', () => {
    expect(neighbourOf(4, 3)).toBe(5);
    expect(neighbourOf(5, 3)).toBe(4);
  });
});

describe('impulseResponse and kernelProperties', () => {
  const C = 4;
  const M = 3;
  function props(op1: (x: number) => Parameters<typeof impulseResponse>[0], pixel = 4) {
    return noLeak(() =>
      scope(() =>
        kernelProperties(
          impulseResponse(op1(0), C, M, M),
          impulseResponse(op1(1), C, M, M),
          C,
          M,
          M,
          pixel
        )
      )
    );
  }
  it('a depthwise conv: no mixing, translation invariant, input independent', () => {
    const w = rnd([C, 1, 3, 3], 21);
    const p = props(() => depthwiseOp(w));
    w.dispose();
    expect(p).toEqual({ mixesChannels: 0, variesWithPosition: 0, dependsOnInput: 0 });
  });
  it('a grouped conv mixes channels inside a group, still translation invariant', () => {
    const w = rnd([C, 2, 3, 3], 22);
    const p = props(() => groupedOp(w, 2));
    expect(p.mixesChannels).toBeGreaterThan(0.01);
    expect(p.variesWithPosition).toBeLessThan(1e-6);
    expect(p.dependsOnInput).toBe(0);
    // Output channel 0 (group 0) ignores input channels 2, 3 (group 1).
    tf.tidy(() => {
      const x = tf.concat([tf.zeros([1, 2, M, M]), rnd([1, 2, M, M], 5)], 1);
      expect(
        tf.max(tf.abs(tf.slice(groupedConv(x, w, 2), [0, 0, 0, 0], [1, 2, M, M]))).dataSync()[0]
      ).toBe(0);
    });
    w.dispose();
  });
  it('window attention: no mixing, but position and input dependent', () => {
    const maps = [softmaxMaps([2, 9, 9], 31), softmaxMaps([2, 9, 9], 32)];
    const p = props((i) => windowAttentionOp(maps[i]));
    maps.forEach((m) => m.dispose());
    expect(p.mixesChannels).toBe(0);
    expect(p.variesWithPosition).toBeGreaterThan(0.01);
    expect(p.dependsOnInput).toBeGreaterThan(0.01);
  });
  it('MDTA mixes channels at every pixel alike; SCA is diagonal', () => {
    const a = [softmaxMaps([2, 2, 2], 41), softmaxMaps([2, 2, 2], 42)];
    const pm = props((i) => mdtaOp(a[i]));
    expect(pm.mixesChannels).toBeGreaterThan(0.01);
    expect(pm.variesWithPosition).toBe(0);
    expect(pm.dependsOnInput).toBeGreaterThan(0.01);
    const s = [rnd([C], 43), rnd([C], 44)];
    const ps = props((i) => scaOp(s[i]));
    expect(ps.mixesChannels).toBe(0);
    expect(ps.variesWithPosition).toBe(0);
    expect(ps.dependsOnInput).toBeGreaterThan(0.01);
    [...a, ...s].forEach((t) => t.dispose());
  });
});
