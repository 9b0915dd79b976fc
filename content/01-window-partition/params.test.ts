import { describe, expect, it } from 'vitest';
import { validateWindowPartition } from './params';

const q = (search: string) => Object.fromEntries(new URLSearchParams(search));

describe('validateWindowPartition', () => {
  it('keeps a valid query untouched', () => {
    const r = validateWindowPartition(q('B=2&H=8&W=12&C=3&window_size=4'));
    expect(r.messages).toEqual([]);
    expect(r.values).toMatchObject({ B: 2, H: 8, W: 12, C: 3, window_size: 4 });
  });
  it('explains the SwinIR padding when H is not a multiple of the window', () => {
    const r = validateWindowPartition(q('H=10&window_size=4'));
    expect(r.values.H).toBe(10);
    expect(r.messages[0]).toContain('H=10 is not a multiple of window_size=4: padded to 12');
  });
  it('shrinks a window too large to reflect-pad', () => {
    const r = validateWindowPartition(q('H=2&W=8&window_size=4'));
    expect(r.values.window_size).toBe(3);
    expect(r.messages[0]).toContain('window_size=4 is too large for a 2×8 image');
  });
  it('falls back to defaults above the element cap', () => {
    const r = validateWindowPartition(q('B=8&H=256&W=256&C=64'));
    expect(r.values).toMatchObject({ B: 1, H: 8, W: 8, C: 2 });
    expect(r.messages.at(-1)).toContain('more than the 4,194,304');
  });
});
