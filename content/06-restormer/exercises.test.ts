import { describe, expect, it } from 'vitest';
import { checkSolutions, intsOf, mistakeFor } from '../../tests/exercises/check-solutions';
import { exercises } from './exercises';

describe('restormer exercises', () => {
  checkSolutions('restormer', exercises, 10);
  it('names a pixel-wise map and normalising along C', () => {
    const attn = exercises.find((d) => d.id === 'attn-shape')!;
    const hw = (p: Record<string, number>) => p.H * p.W;
    expect(
      mistakeFor(
        attn,
        () => true,
        (p) => intsOf(p.B, p.num_heads, hw(p), hw(p))
      )
    ).toContain('pixel map');
    const norm = exercises.find((d) => d.id === 'normalize-axis')!;
    expect(
      mistakeFor(
        norm,
        () => true,
        () => ({ kind: 'choice', value: 'channels' })
      )
    ).toContain('over the pixels');
  });
});
