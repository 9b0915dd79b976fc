import { describe, expect, it } from 'vitest';
import { patchGrid, validateUnfoldFold } from './params';

const q = (search: string) => Object.fromEntries(new URLSearchParams(search));

describe('validateUnfoldFold', () => {
  it('passes valid values through without messages', () => {
    const r = validateUnfoldFold(q('H=8&W=12&C=1&kernel_size=3&stride=1&padding=1'));
    expect(r.messages).toEqual([]);
    expect(r.values).toMatchObject({ H: 8, W: 12, kernel_size: 3, stride: 1, padding: 1 });
  });
  it('explains stride 0 with the rule and the fix', () => {
    const r = validateUnfoldFold(q('stride=0'));
    expect(r.values.stride).toBe(1);
    expect(r.messages[0]).toContain('stride=0: the window must move by at least one pixel');
  });
  it('shrinks a kernel larger than the padded input and offers the padding that fits', () => {
    const r = validateUnfoldFold(q('H=4&W=6&kernel_size=8&padding=1'));
    expect(r.values.kernel_size).toBe(6);
    expect(r.messages[0]).toContain('H + 2·padding = 4 + 2·1 = 6 < 8');
    expect(r.messages[0]).toContain('padding=2 or more');
  });
  it('refuses a drawing too large before anything is computed', () => {
    const r = validateUnfoldFold(q('H=16&W=16&C=3&kernel_size=8&padding=4'));
    expect(r.values.H).toBe(5);
    expect(r.messages.at(-1)).toContain('more than the 8192');
  });
  it('non-numbers fall back to the default with a message', () => {
    const r = validateUnfoldFold(q('H=abc'));
    expect(r.values.H).toBe(5);
    expect(r.messages[0]).toBe('H="abc" is not a number; using the default 5.');
  });
  it('patchGrid is ⌊(H + 2p − k)/s⌋ + 1 per axis', () => {
    expect(patchGrid(8, 5, 5, 3, 1)).toEqual({ outH: 2, outW: 1, L: 2 });
    expect(patchGrid(100, 100, 6, 2, 2)).toEqual({ outH: 50, outW: 50, L: 2500 });
  });
});
