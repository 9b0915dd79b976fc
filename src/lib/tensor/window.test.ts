import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor } from '../../../tests/golden/golden';
import { padToWindowMultiple, windowPartition, windowReverse } from './window';

describe('windowPartition / windowReverse: PyTorch parity', () => {
  for (const c of loadGolden('window').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const x = toTensor(c.tensors.x);
      const ws = c.params.window_size as number;
      const windows = windowPartition(x, ws);
      expect(compare(windows, c.tensors.windows)).toBeNull();
      const back = windowReverse(windows, ws, c.params.H as number, c.params.W as number);
      expect(compare(back, c.tensors.x_reversed)).toBeNull();
      tf.dispose([x, windows, back]);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('padToWindowMultiple: PyTorch parity (reflect, bottom/right)', () => {
  for (const c of loadGolden('pad').cases) {
    it(c.id, () => {
      tf.tidy(() => {
        const out = padToWindowMultiple(toTensor(c.tensors.x), c.params.window_size as number);
        expect(compare(out, c.tensors.x_padded)).toBeNull();
      });
    });
  }
});

describe('window invariants', () => {
  it('places x[b, wy·ws+dy, wx·ws+dx, c] at windows[b·nW + wy·(W/ws) + wx, dy, dx, c]', () => {
    const [B, H, W, C, ws] = [2, 4, 6, 3, 2];
    const x = tf.reshape(tf.range(0, B * H * W * C), [B, H, W, C]);
    const windows = windowPartition(x, ws);
    const w = windows.arraySync() as number[][][][];
    const nW = (H / ws) * (W / ws);
    for (let b = 0; b < B; b++)
      for (let y = 0; y < H; y++)
        for (let xx = 0; xx < W; xx++)
          for (let c = 0; c < C; c++) {
            const [wy, dy, wx, dx] = [Math.floor(y / ws), y % ws, Math.floor(xx / ws), xx % ws];
            const flat = ((b * H + y) * W + xx) * C + c;
            expect(w[b * nW + wy * (W / ws) + wx][dy][dx][c]).toBe(flat);
          }
    tf.dispose([x, windows]);
  });

  it('reverse ∘ partition = identity on random valid shapes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        (B, nh, nw, C, ws) => {
          const before = tf.memory().numTensors;
          const same = tf.tidy(() => {
            const x = tf.randomNormal([B, nh * ws, nw * ws, C]);
            const back = windowReverse(windowPartition(x, ws), ws, nh * ws, nw * ws);
            return tf.max(tf.abs(tf.sub(back, x))).dataSync()[0] === 0;
          });
          return same && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 40 }
    );
  });
});

describe('window argument errors', () => {
  const x = tf.zeros([1, 10, 8, 2]);
  it('explains H not a multiple of the window and offers the padding', () => {
    expect(() => windowPartition(x, 4)).toThrow(
      'H=10 is not a multiple of window_size=4: pad to 12 as SwinIR does'
    );
  });
  it('rejects NCHW-looking rank and non-integer windows', () => {
    expect(() => windowPartition(tf.zeros([8, 8, 2]), 4)).toThrow(
      'x must be 4-D (B,H,W,C), got shape [8, 8, 2]'
    );
    expect(() => windowPartition(x, 2.5)).toThrow(
      'window_size must be a whole number ≥ 1, got 2.5'
    );
  });
  it('rejects a window count that does not divide', () => {
    expect(() => windowReverse(tf.zeros([3, 2, 2, 1]), 2, 4, 4)).toThrow('not a multiple of nW');
  });
  it('refuses reflect padding larger than the side', () => {
    expect(() => padToWindowMultiple(tf.zeros([1, 1, 2, 8]), 4)).toThrow(
      'too small for window_size=4'
    );
  });
});
