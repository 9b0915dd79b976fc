import { describe, expect, it } from 'vitest';
import { checkSolutions, intsOf, mistakeFor } from '../../tests/exercises/check-solutions';
import { exercises } from './exercises';

describe('unfold-fold exercises', () => {
  checkSolutions('unfold-fold', exercises);
  it('names an overlap count of 9 at a border pixel', () => {
    const overlap = exercises.find((d) => d.id === 'overlap-count')!;
    const msg = mistakeFor(
      overlap,
      (p) => p.kernel_size === 3 && p.stride === 1 && (p.y === 0 || p.y === p.H - 1),
      () => intsOf(9)
    );
    expect(msg).toContain('An overlap count of 9 (k²) holds in the interior only');
  });
});
