import { describe, expect, it } from 'vitest';
import { checkSolutions, mistakeFor } from '../../tests/exercises/check-solutions';
import { expected } from '../../tests/exercises/expected';
import { namedMistakes, namesAnswer } from '../../tests/exercises/named-mistakes';
import { exercises } from './exercises';

describe('patch-merging exercises', () => {
  checkSolutions('patch-merging', exercises);
  for (const [id, list] of Object.entries(namedMistakes['patch-merging'])) {
    const def = exercises.find((d) => d.id === id)!;
    list.forEach((m, n) =>
      it(`${id}: names "${m.message}"`, () => {
        const when = (p: Record<string, number>) =>
          namesAnswer(list, n, p, expected['patch-merging'][id](p));
        expect(mistakeFor(def, when, m.answer)).toContain(m.message);
      })
    );
  }
  it("cat-source: x1 is the odd row, so k = C is pixel (2i + 1, 2j); PixelUnshuffle's k = 3 is (2i + 1, 2j + 1)", () => {
    const def = exercises.find((d) => d.id === 'cat-source')!;
    const s = def.solve({ H: 4, W: 6, C: 3, i: 1, j: 2, k: 3 });
    expect(s.answer).toEqual({ kind: 'ints', value: [3, 4, 0] });
    expect(s.mistakes[0].answer).toEqual({ kind: 'ints', value: [3, 5, 0] });
  });
});
