/**
 * Shared unit checks for a chapter's exercises (run by each chapter's `exercises.test.ts`): the
 * solutions computed by its real ops equal the independent arithmetic of `expected.ts` over many
 * variants, feedback is there, and a named mistake is reported for the answer it names.
 */
import { expect, it } from 'vitest';
import { sameAnswer } from '$lib/figure/exercise-answer';
import { seededRng, type Answer, type ExerciseDef } from '$lib/figure/exercise-types';
import { expected } from './expected';

export function checkSolutions(slug: string, exercises: readonly ExerciseDef[], variants = 25) {
  it('has at least 3 exercises, of at least 2 kinds, each with an independent answer', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(3);
    const kinds = new Set(exercises.map((d) => d.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(2);
    expect(Object.keys(expected[slug]).sort()).toEqual(exercises.map((d) => d.id).sort());
  });

  for (const def of exercises) {
    it(`${def.id}: the computed answer matches the independent one over ${variants} variants`, () => {
      for (let seed = 0; seed < variants; seed++) {
        const p = def.params(seededRng(seed));
        for (const v of Object.values(p)) expect(Number.isInteger(v)).toBe(true);
        const s = def.solve(p);
        const want = expected[slug][def.id](p) as Answer;
        expect(sameAnswer(s.answer, want), `seed ${seed}: ${JSON.stringify(p)}`).toBe(true);
        expect(s.hint.length).toBeGreaterThan(10);
        expect(s.explanation.length).toBeGreaterThan(10);
        for (const m of s.mistakes) expect(m.message.length).toBeGreaterThan(10);
        if (def.kind === 'cells') expect(s.cells!.candidates.length).toBeGreaterThan(0);
        if (def.kind === 'choice')
          expect(s.choices!.map((c) => c.value)).toContain((s.answer as { value: string }).value);
      }
    });
  }
}

/**
 * The message for `given` on the first variant (seed < 200) where `when(params)` holds, or null if
 * `given` is right there or no mistake names it.
 */
export function mistakeFor(
  def: ExerciseDef,
  when: (p: Record<string, number>) => boolean,
  given: (p: Record<string, number>) => Answer
): string | null {
  for (let seed = 0; seed < 200; seed++) {
    const p = def.params(seededRng(seed));
    if (!when(p)) continue;
    const s = def.solve(p);
    const a = given(p);
    if (sameAnswer(a, s.answer)) continue;
    return s.mistakes.find((m) => sameAnswer(m.answer, a))?.message ?? null;
  }
  throw new Error(`no variant of ${def.id} satisfies the condition`);
}

export const intsOf = (...value: number[]): Answer => ({ kind: 'ints', value });
