import { describe, expect, it } from 'vitest';
import { checkSolutions, intsOf, mistakeFor } from '../../tests/exercises/check-solutions';
import { exercises } from './exercises';

describe('window-attention exercises', () => {
  checkSolutions('window-attention', exercises);
  it('names C // num_windows instead of C // num_heads', () => {
    const q = exercises.find((d) => d.id === 'q-shape')!;
    const msg = mistakeFor(
      q,
      () => true,
      (p) => {
        const nW = (p.H / p.window_size) * (p.W / p.window_size);
        return intsOf(p.B * nW, p.num_heads, p.window_size ** 2, Math.floor(p.C / nW));
      }
    );
    expect(msg).toContain('not C // num_windows');
  });
});
