import { describe, expect, it } from 'vitest';
import { checkSolutions, intsOf, mistakeFor } from '../../tests/exercises/check-solutions';
import { exercises } from './exercises';

describe('relative-position-bias exercises', () => {
  checkSolutions('relative-position-bias', exercises);
  const index = exercises.find((d) => d.id === 'relative-position-index')!;
  it('names an index without the × (2Ww − 1)', () => {
    const msg = mistakeFor(
      index,
      (p) => p.Ww > 1 && p.Wh > 1,
      (p) => {
        const [hi, hj] = [Math.floor(p.i / p.Ww), Math.floor(p.j / p.Ww)];
        return intsOf(hi - hj + p.Wh - 1 + (p.i % p.Ww) - (p.j % p.Ww) + p.Ww - 1);
      }
    );
    expect(msg).toContain('× (2Ww − 1)');
  });
  it("names the overview post's 2·Ww − 1 rows", () => {
    const rows = exercises.find((d) => d.id === 'table-rows')!;
    expect(
      mistakeFor(
        rows,
        (p) => p.Wh > 1,
        (p) => intsOf(2 * p.Ww - 1)
      )
    ).toContain('column offsets');
  });
});
