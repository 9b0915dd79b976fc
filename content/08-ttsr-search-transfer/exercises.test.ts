import { describe, expect, it } from 'vitest';
import { checkSolutions, intsOf, mistakeFor } from '../../tests/exercises/check-solutions';
import { exercises } from './exercises';

describe('ttsr-search-transfer exercises', () => {
  checkSolutions('ttsr-search-transfer', exercises, 8);
  it("names T_lv3's shape for T_lv1 (the post's swapped return)", () => {
    const t = exercises.find((d) => d.id === 't-lv1-shape')!;
    expect(
      mistakeFor(
        t,
        () => true,
        (p) => intsOf(1, p.C, p.H, p.W)
      )
    ).toContain('swapped');
  });
});
