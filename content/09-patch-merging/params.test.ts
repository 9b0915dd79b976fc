import { describe, expect, it } from 'vitest';
import { commonPatchSizes, validatePatchMerging } from './params';

const q = (search: string) => Object.fromEntries(new URLSearchParams(search));

describe('validatePatchMerging', () => {
  it('keeps a valid query untouched', () => {
    const r = validatePatchMerging(q('B=1&H=4&W=6&C=3'));
    expect(r.messages).toEqual([]);
    expect(r.values).toMatchObject({ B: 1, H: 4, W: 6, C: 3, patch_size: 2, embed_dim: 6 });
  });
  it('explains that merging needs an even height, quoting the official assertion', () => {
    const r = validatePatchMerging(q('H=5&W=6'));
    expect(r.values.H).toBe(6);
    expect(r.messages[0]).toContain('H=5 is odd, but PatchMerging needs an even height');
    expect(r.messages[0]).toContain('would have 3 and 2 rows');
    expect(r.messages[0]).toContain('"x size (5*6) are not even."');
  });
  it('explains an odd width too', () => {
    const r = validatePatchMerging(q('H=4&W=3&patch_size=1'));
    expect(r.values.W).toBe(4);
    expect(r.messages[0]).toContain('W=3 is odd, but PatchMerging needs an even width');
  });
  it('picks the largest patch_size that tiles both sides', () => {
    const r = validatePatchMerging(q('H=6&W=6&patch_size=4'));
    expect(r.values.patch_size).toBe(3);
    expect(r.messages[0]).toContain('H=6 is not a multiple of patch_size=4');
    expect(r.messages[0]).toContain('drop the last 2 row(s) and 2 column(s)');
    expect(r.messages[0]).toContain('(1, 2, 3, 6). Using patch_size=3.');
  });
  it('refuses huge sizes before allocating, and sizes it cannot draw', () => {
    const huge = validatePatchMerging(q('B=8&H=1024&W=1024&C=8'));
    expect(huge.values).toMatchObject({ B: 1, H: 4, W: 6, C: 3 });
    expect(huge.messages.at(-1)).toContain('more than the 4,194,304');
    const big = validatePatchMerging(q('H=64&W=64&C=3'));
    expect(big.values).toMatchObject({ H: 4, W: 6 });
    expect(big.messages.at(-1)).toContain('more than the 4,096 this figure draws');
  });
  it('lists common patch sizes', () => expect(commonPatchSizes(4, 6)).toEqual([1, 2]));
});
