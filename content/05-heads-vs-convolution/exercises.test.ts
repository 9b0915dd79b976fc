import { describe, expect, it } from 'vitest';
import { checkSolutions, intsOf, mistakeFor } from '../../tests/exercises/check-solutions';
import { exercises } from './exercises';

describe('heads-vs-convolution exercises', () => {
  checkSolutions('heads-vs-convolution', exercises, 10);
  it('names one map per channel, and channels dealt round-robin', () => {
    const maps = exercises.find((d) => d.id === 'distinct-maps')!;
    expect(
      mistakeFor(
        maps,
        () => true,
        (p) => intsOf(p.C)
      )
    ).toContain('One map per head');
    const head = exercises.find((d) => d.id === 'head-of-channel')!;
    expect(
      mistakeFor(
        head,
        () => true,
        (p) => intsOf(p.channel % p.num_heads)
      )
    ).toContain('round-robin');
  });
});
