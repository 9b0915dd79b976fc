import { describe, expect, it } from 'vitest';
import { headsMessage, nearestDivisor } from '$lib/figure/params';
import { validateHeadsVsConv } from './params';

describe('validateHeadsVsConv', () => {
  it('accepts the defaults without a message', () => {
    expect(validateHeadsVsConv({})).toEqual({
      values: { C: 6, window_size: 3, num_heads: 2, seed: 0, pixel: 4 },
      messages: []
    });
  });
  it('explains num_heads that does not divide C and offers the divisors', () => {
    const r = validateHeadsVsConv({ C: '6', num_heads: '4' });
    expect(r.values.num_heads).toBe(3);
    expect(r.messages[0]).toBe(
      'num_heads=4 does not divide C=6: choose one of 1, 2, 3, 6. Using num_heads=3.'
    );
    expect(headsMessage(6, 6)).toBeNull();
  });
  it('nearestDivisor breaks ties toward the smaller divisor', () => {
    expect(nearestDivisor(12, 5)).toBe(4);
    expect(nearestDivisor(12, 5.1)).toBe(6);
    expect(nearestDivisor(7, 3)).toBe(1);
  });
  it('clamps a pixel outside the window and huge sizes', () => {
    expect(validateHeadsVsConv({ window_size: '2', pixel: '9' }).values.pixel).toBe(3);
    const huge = validateHeadsVsConv({ C: '99999999' });
    expect(huge.values.C).toBe(12);
    expect(huge.messages[0]).toContain('C=99999999 is above the maximum 12');
    expect(validateHeadsVsConv({ num_heads: 'abc' }).messages[0]).toContain('not a number');
  });
});
