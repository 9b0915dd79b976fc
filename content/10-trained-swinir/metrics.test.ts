import { describe, expect, it } from 'vitest';
import { psnr, ssim } from './metrics';

// The same deterministic pair in scikit-image 0.19 (structural_similarity with
// gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=1, mean over channels):
// SSIM 0.9353386120937213, PSNR 23.705495010317232 dB.
const n = 3 * 20 * 17;
const a = Float32Array.from({ length: n }, (_, i) => (Math.sin(i * 0.37) + 1) / 2);
const b = a.map((v, i) => Math.min(1, Math.max(0, v + 0.1 * Math.sin(i * 1.91))));

describe('metrics', () => {
  it('PSNR and SSIM match scikit-image', () => {
    expect(psnr(a, b)).toBeCloseTo(23.705495, 3);
    expect(ssim(a, b, 3, 20, 17)).toBeCloseTo(0.935339, 4);
  });
  it('PSNR clips to [0, 1] first; identical images give ∞ and SSIM 1', () => {
    expect(psnr([1.5, -0.2], [1, 0])).toBe(Infinity);
    expect(psnr([0.5], [0.6])).toBeCloseTo(20, 6);
    expect(ssim(a, a, 3, 20, 17)).toBeCloseTo(1, 9);
  });
});
