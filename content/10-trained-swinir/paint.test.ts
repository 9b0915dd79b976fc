import { describe, expect, it } from 'vitest';
import { attentionRgba, rgbaOf, signedRgba } from './paint';

describe('paint', () => {
  it('rgbaOf interleaves the planes, clamps, and scales by gain', () => {
    // 2 pixels: R = [0.5, 1.2], G = [0, -0.1], B = [1, 0.25]
    const img = new Float32Array([0.5, 1.2, 0, -0.1, 1, 0.25]);
    expect([...rgbaOf(img, 2)]).toEqual([128, 0, 255, 255, 255, 0, 64, 255]);
    expect([...rgbaOf(img, 2, 0.25)]).toEqual([32, 0, 64, 255, 77, 0, 16, 255]);
  });
  it('attentionRgba tints keys by weight/max, skips padded keys, marks the query', () => {
    const base = new Uint8ClampedArray(4 * 4).fill(100); // 2×2 grey
    const keys = new Int32Array([0, 0, 0, 1, 1, 0, 5, 5]); // the last is reflect padding
    const weights = new Float32Array([0.5, 0.25, 0, 0.25]);
    const out = attentionRgba(base, 2, 2, keys, weights, [1, 1]);
    expect([...out.subarray(0, 4)]).toEqual([255, 210, 40, 100]); // the top weight: full tint
    expect([...out.subarray(4, 8)]).toEqual([178, 155, 70, 100]); // half the top weight
    expect([...out.subarray(8, 12)]).toEqual([100, 100, 100, 100]); // weight 0: untouched
    expect([...out.subarray(12, 16)]).toEqual([0, 255, 255, 255]); // the query
    expect([...base.subarray(0, 4)]).toEqual([100, 100, 100, 100]); // base is not written
  });
  it('signedRgba: white at 0, red at +range, blue at −range, clamped beyond', () => {
    const out = signedRgba(new Float32Array([0, 2, -2, -9, 1]), 2);
    expect([...out]).toEqual([
      255, 255, 255, 255, 255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 255, 255, 128, 128, 255
    ]);
  });
});
