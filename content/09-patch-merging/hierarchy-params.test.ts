import { describe, expect, it } from 'vitest';
import { hierarchy } from './hierarchy';
import { IMG_MULTIPLE, MAX_IMG_SIZE, validateHierarchy, windowNote } from './hierarchy-params';

const v = (img_size?: string) => validateHierarchy(img_size === undefined ? {} : { img_size });

describe('validateHierarchy (img_size)', () => {
  it('keeps 224 by default and any multiple of 32 untouched', () => {
    expect(v()).toEqual({ values: { img_size: 224 }, messages: [] });
    for (const ok of ['32', '384', '832'])
      expect(v(ok)).toEqual({ values: { img_size: Number(ok) }, messages: [] });
  });
  it('is 4 · 2³ = 32 and the largest side whose stage-1 tokens fit 2²² elements', () => {
    expect(IMG_MULTIPLE).toBe(32);
    expect(MAX_IMG_SIZE).toBe(832);
    expect((MAX_IMG_SIZE / 4) ** 2 * 96).toBeLessThanOrEqual(2 ** 22);
    expect(((MAX_IMG_SIZE + 32) / 4) ** 2 * 96).toBeGreaterThan(2 ** 22);
  });
  it('explains a side that is not a multiple of 32 by the merge that would fail, and uses the nearest', () => {
    const r = v('200');
    expect(r.values.img_size).toBe(192);
    expect(r.messages).toEqual([
      'img_size=200 is not a multiple of 32 = patch_size 4 × 2 × 2 × 2: after PatchEmbed the side ' +
        'is 50, and PatchMerging 2 would meet the odd side 25 ("x size (25*25) are not even."). ' +
        'Fix: pad or resize to 192 or 224. Using 192.'
    ]);
    expect(v('216').values.img_size).toBe(224);
    expect(v('226').messages[0]).toContain(
      "PatchEmbed's stride-4 Conv2d would drop the last 2 row(s)"
    );
    // Every side it settles on runs through the real ops.
    for (const raw of ['200', '226', '40', '100']) {
      const img = v(raw).values.img_size;
      expect(img % 32).toBe(0);
      expect(hierarchy(img).stages[3].resolution).toEqual([img / 32, img / 32]);
    }
  });
  it('refuses huge sizes before anything runs, with the reason and the rule', () => {
    const r = v('4096');
    expect(r.values.img_size).toBe(832);
    expect(r.messages[0]).toContain('img_size=4096 is above the maximum 832');
    expect(r.messages[0]).toContain('[1, 43,264, 96]');
    expect(r.messages[0]).toContain('img_size must be a whole multiple of 32');
  });
  it('explains text, fractions and small sizes with the rule', () => {
    expect(v('abc').values.img_size).toBe(224);
    expect(v('abc').messages[0]).toMatch(
      /^img_size="abc" is not a number; using the default 224\. img_size must be a whole multiple of 32/
    );
    const half = v('224.5');
    expect(half.values.img_size).toBe(224);
    expect(half.messages[0]).toContain('img_size=224.5 must be a whole number; using 225.');
    expect(half.messages[1]).toContain('Using 224.');
    expect(v('16')).toMatchObject({ values: { img_size: 32 } });
    expect(v('16').messages[0]).toContain('below the minimum 32');
  });
  it("notes when Swin-T's window 7 cannot tile a stage: only multiples of 224 run", () => {
    for (let img = IMG_MULTIPLE; img <= MAX_IMG_SIZE; img += IMG_MULTIPLE) {
      // Independently: every stage side above 7 is a multiple of 7.
      const sides = [4, 8, 16, 32].map((d) => img / d);
      const tiles = sides.every((s) => s <= 7 || s % 7 === 0);
      expect(windowNote(img) === null, `img_size ${img}`).toBe(tiles);
      expect(tiles).toBe(img % 224 === 0);
    }
    expect(windowNote(384)).toContain('stage 1 is 96×96');
    expect(windowNote(384)).toContain('multiples of 224');
    expect(windowNote(384)).toContain('188.08 at stage 1');
  });
});
