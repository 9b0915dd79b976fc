import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden } from '../../../tests/golden/golden';
import { regionLabels, shiftedWindowMask } from './shift';

describe('regionLabels / shiftedWindowMask: PyTorch parity', () => {
  for (const c of loadGolden('swin_mask').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const { H, W, window_size: ws, shift_size: s } = c.params as Record<string, number>;
      const labels = regionLabels(H, W, ws, s);
      expect(compare(labels, c.tensors.labels)).toBeNull();
      const m = shiftedWindowMask(H, W, ws, s);
      expect(compare(m.imgMask, c.tensors.img_mask)).toBeNull();
      expect(compare(m.windowLabels, c.tensors.window_labels)).toBeNull();
      expect(compare(m.labelDiff, c.tensors.label_diff)).toBeNull();
      expect(compare(m.attnMask, c.tensors.attn_mask)).toBeNull();
      tf.dispose([labels, m]);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('the 9×9, window 3, shift 1 worked example (post 003)', () => {
  it('labels rows 0–5 band 0, rows 6–7 band 1, row 8 band 2 (and columns alike)', () => {
    const labels = regionLabels(9, 9, 3, 1);
    const rows = labels.arraySync();
    const band = (i: number) => (i <= 5 ? 0 : i <= 7 ? 1 : 2);
    for (let y = 0; y < 9; y++)
      for (let x = 0; x < 9; x++) expect(rows[y][x]).toBe(3 * band(y) + band(x));
    labels.dispose();
  });

  it('last window is [4,4,5,4,4,5,7,7,8]; windows 0, 1, 3, 4 need no mask', () => {
    const m = shiftedWindowMask(9, 9, 3, 1);
    const labels = m.windowLabels.arraySync();
    expect(labels[8]).toEqual([4, 4, 5, 4, 4, 5, 7, 7, 8]);
    const mask = m.attnMask.arraySync();
    for (const w of [0, 1, 3, 4]) expect(mask[w].flat().every((v) => v === 0)).toBe(true);
    for (const w of [2, 5, 6, 7, 8]) expect(mask[w].flat().some((v) => v === -100)).toBe(true);
    tf.dispose(m);
  });
});

describe('mask invariants on random valid sizes', () => {
  it('symmetric, zero diagonal, only 0 / −100, and −100 exactly where labels differ', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        (ws, nh, nw, rawShift) => {
          const shift = rawShift % ws;
          const before = tf.memory().numTensors;
          const m = shiftedWindowMask(nh * ws, nw * ws, ws, shift);
          const mask = m.attnMask.arraySync();
          const lab = m.windowLabels.arraySync();
          tf.dispose(m);
          const N = ws * ws;
          for (let w = 0; w < mask.length; w++)
            for (let i = 0; i < N; i++) {
              if (mask[w][i][i] !== 0) return false;
              for (let j = 0; j < N; j++) {
                const v = mask[w][i][j];
                if (v !== mask[w][j][i] || (v !== 0 && v !== -100)) return false;
                if ((v === -100) !== (lab[w][i] !== lab[w][j])) return false;
              }
            }
          return tf.memory().numTensors === before;
        }
      ),
      { numRuns: 50 }
    );
  });

  it('every shifted window covers each region as one block: windows left/above the edge are unmasked', () => {
    // Only windows in the last window row or column straddle a region border.
    const [H, W, ws, s] = [12, 8, 4, 2];
    const m = shiftedWindowMask(H, W, ws, s);
    const mask = m.attnMask.arraySync();
    const nw = W / ws;
    mask.forEach((win, w) => {
      const interior = Math.floor(w / nw) < H / ws - 1 && w % nw < nw - 1;
      if (interior) expect(win.flat().every((v) => v === 0)).toBe(true);
    });
    tf.dispose(m);
  });

  it('shift 0 takes the slices literally: one label everywhere, an all-zero mask', () => {
    const m = shiftedWindowMask(8, 8, 4, 0);
    expect(new Set(m.imgMask.dataSync())).toEqual(new Set([8]));
    expect(m.attnMask.dataSync().every((v) => v === 0)).toBe(true);
    tf.dispose(m);
  });
});

describe('mask argument errors', () => {
  it('needs 0 ≤ shift < window', () => {
    expect(() => shiftedWindowMask(8, 8, 4, 4)).toThrow(
      'shift_size=4 must be smaller than window_size=4 (0 ≤ shift_size < window_size)'
    );
    expect(() => regionLabels(8, 8, 4, -1)).toThrow(
      'shift_size must be a whole number ≥ 0, got -1'
    );
  });
  it('needs H and W multiples of the window, and offers the padding', () => {
    expect(() => shiftedWindowMask(10, 8, 4, 2)).toThrow(
      'H=10 is not a multiple of window_size=4: pad to 12 as SwinIR does'
    );
    expect(() => regionLabels(8, 9, 4, 2)).toThrow(
      'W=9 is not a multiple of window_size=4: pad to 12'
    );
  });
  it('needs the window to fit, and names the clamp', () => {
    expect(() => shiftedWindowMask(4, 8, 7, 3)).toThrow(
      'window_size=7 is larger than the map H=4, W=8: Swin uses window_size = min(H, W) = 4 and shift_size = 0 then'
    );
  });
});
