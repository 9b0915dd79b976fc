import { describe, expect, it } from 'vitest';
import { checkFile, fitImage, validateTrainedSwinir } from './params';

describe('trained-swinir params', () => {
  it('defaults, and explains bad values', () => {
    expect(validateTrainedSwinir({}).values).toEqual({ image: 1, sigma: 25, seed: 0 });
    const p = validateTrainedSwinir({ sigma: '90', image: '7' });
    expect(p.values.sigma).toBe(75);
    expect(p.values.image).toBe(3);
    expect(p.messages.join(' ')).toMatch(/sigma=90 is above the maximum 75/);
  });
  it('accepts PNG, JPEG and WebP only, within 8 MB', () => {
    expect(checkFile({ name: 'a.png', type: 'image/png', size: 100 })).toBeNull();
    expect(checkFile({ name: 'a.webp', type: 'image/webp', size: 100 })).toBeNull();
    expect(checkFile({ name: 'a.gif', type: 'image/gif', size: 100 })).toMatch(/not a PNG, JPEG/);
    expect(checkFile({ name: 'a.txt', type: 'text/plain', size: 100 })).toMatch(/not a PNG/);
    expect(checkFile({ name: 'a.png', type: 'image/png', size: 9e6 })).toMatch(/8 MB/);
  });
  it('uses small images as they are; crops or scales large ones to 128', () => {
    expect(fitImage(100, 60, 'crop')).toMatchObject({
      ok: true,
      width: 100,
      height: 60,
      message: null
    });
    expect(fitImage(300, 200, 'crop')).toMatchObject({ sx: 86, sy: 36, width: 128, height: 128 });
    expect(fitImage(300, 100, 'crop')).toMatchObject({ sx: 86, sy: 0, width: 128, height: 100 });
    expect(fitImage(300, 200, 'scale')).toMatchObject({ sw: 300, sh: 200, width: 128, height: 85 });
    expect(fitImage(5, 50, 'crop')).toMatchObject({ ok: false });
    expect(fitImage(5000, 5000, 'crop')).toMatchObject({ ok: false });
  });
});
