import { describe, expect, it } from 'vitest';
import { divisors, elementCapMessage, parseParams, parseValue, type ParamSpec } from './params';

const q = (search: string) => Object.fromEntries(new URLSearchParams(search));
const H: ParamSpec = { name: 'H', label: 'H', min: 1, max: 256, default: 8 };

describe('parseValue', () => {
  it('uses the default when missing', () => {
    expect(parseValue(H, null)).toEqual({ value: 8 });
    expect(parseValue(H, '')).toEqual({ value: 8 });
  });
  it('explains non-numeric, fractional, negative and huge values', () => {
    expect(parseValue(H, 'abc')).toEqual({
      value: 8,
      message: 'H="abc" is not a number; using the default 8.'
    });
    expect(parseValue(H, '7.6')).toEqual({
      value: 8,
      message: 'H=7.6 must be a whole number; using 8.'
    });
    expect(parseValue(H, '-3')).toEqual({
      value: 1,
      message: 'H=-3 is below the minimum 1; using 1.'
    });
    expect(parseValue(H, '1e9').message).toBe('H=1000000000 is above the maximum 256; using 256.');
    expect(parseValue(H, 'Infinity').message).toContain('is not a number');
  });
});

describe('parseParams', () => {
  it('collects one message per bad parameter', () => {
    const r = parseParams([H, { ...H, name: 'W' }], q('H=x&W=12'));
    expect(r.values).toEqual({ H: 8, W: 12 });
    expect(r.messages).toHaveLength(1);
  });
});

describe('elementCapMessage and divisors', () => {
  it('refuses more than 2^22 elements', () => {
    expect(elementCapMessage('x', [1, 2048, 2048, 1])).toBeNull();
    expect(elementCapMessage('x', [1, 2048, 2049, 1])).toContain('4,196,352 elements');
  });
  it('lists divisors', () => expect(divisors(12)).toEqual([1, 2, 3, 4, 6, 12]));
});
