import { describe, expect, it } from 'vitest';
import { checkSolutions, intsOf, mistakeFor } from '../../tests/exercises/check-solutions';
import { exercises } from './exercises';

describe('window-partition exercises', () => {
  checkSolutions('window-partition', exercises);
  const [windowOfPixel] = exercises;
  it('names the missing b·nW offset and the missing permute', () => {
    const nW = (p: Record<string, number>) => (p.H / p.window_size) * (p.W / p.window_size);
    const local = (p: Record<string, number>) =>
      Math.floor(p.h / p.window_size) * (p.W / p.window_size) + Math.floor(p.w / p.window_size);
    expect(
      mistakeFor(
        windowOfPixel,
        (p) => p.b > 0,
        (p) => intsOf(local(p), p.h % p.window_size, p.w % p.window_size)
      )
    ).toContain('earlier images');
    expect(
      mistakeFor(
        windowOfPixel,
        (p) => p.b === 0 && nW(p) > 1,
        (p) => intsOf(local(p), p.w % p.window_size, p.h % p.window_size)
      )
    ).toMatch(/dy is the row|permute|columns/);
  });
});
