import { describe, expect, it } from 'vitest';
import {
  formatWindowSize,
  parseWindowSize,
  relativePositionSpecs,
  validateRelativePosition
} from './params';

describe('window_size parsing', () => {
  it('accepts a square side and the Wh x Ww forms', () => {
    expect(parseWindowSize('3')).toEqual({ Wh: 3, Ww: 3 });
    for (const text of ['2x3', '2×3', '2 X 3', '2*3', '2,3', ' 2 x3 '])
      expect(parseWindowSize(text)).toEqual({ Wh: 2, Ww: 3 });
    expect(parseWindowSize(undefined)).toEqual({ Wh: 3, Ww: 3 });
  });
  it('explains the accepted forms when the text is not a size', () => {
    for (const text of ['abc', '2x', 'x3', '2x3x4', '2.5']) {
      const r = parseWindowSize(text);
      expect(r).toMatchObject({ Wh: 3, Ww: 3 });
      expect(r.message).toContain(`window_size="${text.trim()}" is not a window size`);
      expect(r.message).toContain('window_size=2x3');
    }
  });
  it('clamps each side to 1..8 before anything is allocated', () => {
    const r = parseWindowSize('99999999');
    expect(r).toMatchObject({ Wh: 8, Ww: 8 });
    expect(r.message).toContain('Using window_size=8');
    expect(parseWindowSize('0x2')).toMatchObject({ Wh: 1, Ww: 2 });
  });
  it('formats square windows as one number, others as WhxWw', () => {
    expect(formatWindowSize({ Wh: 4, Ww: 4 })).toBe('4');
    expect(formatWindowSize({ Wh: 2, Ww: 3 })).toBe('2x3');
  });
});

describe('validateRelativePosition', () => {
  it('carries Wh and Ww and validates the other parameters', () => {
    const r = validateRelativePosition({ window_size: '2x3', num_heads: '9' });
    expect(r.values).toMatchObject({ Wh: 2, Ww: 3, window_size: 2, num_heads: 4 });
    expect(r.messages).toEqual(['num_heads=9 is above the maximum 4; using 4.']);
  });
  it('the spec of window_size writes back the canonical text', () => {
    const spec = relativePositionSpecs.find((s) => s.name === 'window_size')!;
    const v = validateRelativePosition({ window_size: '2×3' }).values;
    expect(spec.format?.(v)).toBe('2x3');
    expect(spec.format?.(validateRelativePosition({}).values)).toBe(String(spec.default));
  });
});
