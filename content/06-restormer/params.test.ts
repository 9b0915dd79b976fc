import { describe, expect, it } from 'vitest';
import { hiddenFeatures, parseFloatParam, FFN_SPEC, validateRestormer } from './params';

describe('validateRestormer', () => {
  it('defaults: C=8, 6×5, 2 heads, ffn_expansion_factor 2.66', () => {
    expect(validateRestormer({})).toEqual({
      values: { C: 8, H: 6, W: 5, num_heads: 2, ffn_expansion_factor: 2.66, seed: 0 },
      messages: []
    });
  });
  it('keeps ffn_expansion_factor a float and explains bad text', () => {
    expect(validateRestormer({ ffn_expansion_factor: '1.5' }).values.ffn_expansion_factor).toBe(
      1.5
    );
    expect(parseFloatParam(FFN_SPEC, 'abc')).toEqual({
      value: 2.66,
      message: 'ffn_expansion_factor="abc" is not a number; using the default 2.66.'
    });
    expect(validateRestormer({ ffn_expansion_factor: '100' }).messages[0]).toBe(
      'ffn_expansion_factor=100 is above the maximum 8; using 8.'
    );
  });
  it('refuses a hidden width of 0 with the smallest factor that works', () => {
    const r = validateRestormer({ C: '2', ffn_expansion_factor: '0.3' });
    expect(r.values.ffn_expansion_factor).toBe(2.66);
    expect(r.messages[0]).toContain('hidden = int(2·0.3) = 0');
    expect(r.messages[0]).toContain('ffn_expansion_factor ≥ 0.5');
  });
  it('int() truncates as Python does', () => {
    expect(hiddenFeatures(48, 2.66)).toBe(127);
    expect(hiddenFeatures(8, 2.66)).toBe(21);
  });
  it('explains num_heads that does not divide C', () => {
    const r = validateRestormer({ C: '6', num_heads: '4' });
    expect(r.values.num_heads).toBe(3);
    expect(r.messages[0]).toContain('num_heads=4 does not divide C=6: choose one of 1, 2, 3, 6');
  });
});
