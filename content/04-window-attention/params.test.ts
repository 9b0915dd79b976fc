import { describe, expect, it } from 'vitest';
import { validateWindowAttention } from './params';

describe('validateWindowAttention', () => {
  it('keeps a valid combination as is', () => {
    const r = validateWindowAttention({
      B: '1',
      H: '8',
      W: '8',
      C: '6',
      window_size: '4',
      num_heads: '2'
    });
    expect(r.messages).toEqual([]);
    expect(r.values).toMatchObject({ B: 1, H: 8, W: 8, C: 6, window_size: 4, num_heads: 2 });
  });
  it('num_heads must divide C: the message lists the divisors and the nearest is used', () => {
    const r = validateWindowAttention({ C: '6', num_heads: '4' });
    expect(r.messages[0]).toContain('num_heads=4 does not divide C=6');
    expect(r.messages[0]).toContain('choose one of 1, 2, 3, 6');
    expect(r.values.num_heads).toBe(3);
  });
  it('a window that does not tile the image becomes the largest one that does', () => {
    const r = validateWindowAttention({ H: '10', W: '8', window_size: '4' });
    expect(r.values.window_size).toBe(2);
    expect(r.messages[0]).toContain('H=10 is not a multiple of window_size=4');
  });
  it("Swin's clamp: a window larger than the image becomes min(H, W)", () => {
    const r = validateWindowAttention({ H: '4', W: '8', window_size: '7' });
    expect(r.values.window_size).toBe(4);
    expect(r.messages[0]).toContain('min(H, W) = 4');
  });
  it('refuses sizes over the element cap before allocating, and says so', () => {
    const r = validateWindowAttention({
      B: '4',
      H: '64',
      W: '64',
      C: '48',
      window_size: '16',
      num_heads: '48'
    });
    expect(r.values).toMatchObject({ B: 1, H: 8, W: 8, window_size: 4 });
    expect(r.messages.at(-1)).toContain('more than the 4,194,304');
  });
  it('never throws on garbage', () => {
    const r = validateWindowAttention({ H: 'abc', num_heads: '-3', window_size: '1e9' });
    expect(r.messages.length).toBeGreaterThan(0);
    expect(r.values.window_size).toBeGreaterThan(0);
  });
});
