import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickedWindow, validateShiftedWindows } from './params';

const q = (search: string) => Object.fromEntries(new URLSearchParams(search));

describe('validateShiftedWindows', () => {
  it('the defaults are the post: 9×9, window 3, shift 1, last window, no message', () => {
    const r = validateShiftedWindows({});
    expect(r.values).toEqual({ H: 9, W: 9, C: 1, window_size: 3, shift_size: 1, window: -1 });
    expect(r.messages).toEqual([]);
  });

  it('keeps a valid H ≠ W query untouched', () => {
    const r = validateShiftedWindows(q('H=8&W=12&window_size=4&shift_size=2&window=3&C=3'));
    expect(r.messages).toEqual([]);
    expect(r.values).toMatchObject({ H: 8, W: 12, window_size: 4, shift_size: 2, window: 3, C: 3 });
  });

  it('shift ≥ window: explains the rule and uses window_size // 2', () => {
    const r = validateShiftedWindows(q('shift_size=3'));
    expect(r.values.shift_size).toBe(1);
    expect(r.messages[0]).toContain('shift_size=3 must be smaller than window_size=3');
    expect(r.messages[0]).toContain('window_size // 2 = 1');
  });

  it('window > H: applies the official clamp (window = min(H, W), shift 0)', () => {
    const r = validateShiftedWindows(q('H=6&W=9&window_size=7&shift_size=3'));
    expect(r.values).toMatchObject({ window_size: 6, shift_size: 0, H: 6, W: 12 });
    expect(r.messages[0]).toContain('min(H, W) = 6 ≤ 7');
    expect(r.messages[1]).toContain('W=9 is not a multiple of window_size=6: pad to 12');
  });

  it('H not a multiple: offers the SwinIR padding and shows the padded size', () => {
    const r = validateShiftedWindows(q('H=10'));
    expect(r.values.H).toBe(12);
    expect(r.messages).toEqual([expect.stringContaining('pad to 12 as SwinIR does')]);
  });

  it('non-numeric and out-of-range values fall back with a message', () => {
    const r = validateShiftedWindows(q('H=abc&window_size=99'));
    expect(r.values).toMatchObject({ window_size: 8, H: 16 }); // default 9, padded for window 8
    expect(r.messages[0]).toBe('H="abc" is not a number; using the default 9.');
    expect(r.messages[1]).toContain('window_size=99 is above the maximum 8');
    expect(r.messages[2]).toContain('H=9 is not a multiple of window_size=8: pad to 16');
  });

  it('a window outside −nW..nW−1 falls back to the last window', () => {
    const r = validateShiftedWindows(q('window=9'));
    expect(r.values.window).toBe(-1);
    expect(r.messages[0]).toContain('nW = 3·3 = 9');
    expect(validateShiftedWindows(q('window=-9')).messages).toEqual([]);
  });

  it('always returns a runnable combination', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -100, max: 200 }).map(String), fc.string()), {
          minLength: 6,
          maxLength: 6
        }),
        ([H, W, C, ws, s, w]) => {
          const { values: v } = validateShiftedWindows({
            H,
            W,
            C,
            window_size: ws,
            shift_size: s,
            window: w
          });
          const nW = (v.H / v.window_size) * (v.W / v.window_size);
          expect(v.H % v.window_size).toBe(0);
          expect(v.W % v.window_size).toBe(0);
          expect(v.shift_size).toBeGreaterThanOrEqual(0);
          expect(v.shift_size).toBeLessThan(v.window_size);
          const picked = pickedWindow(v.window, nW);
          expect(picked).toBeGreaterThanOrEqual(0);
          expect(picked).toBeLessThan(nW);
        }
      )
    );
  });
});
