/**
 * What a chapter's exercise is: a question made from seeded variant parameters, and a solution the
 * page computes from the chapter's own tensor ops (never typed into the source). Chapters define
 * these in `content/NN-slug/exercises.ts`, loaded lazily with tfjs; `Exercise.svelte` renders them.
 */

/** A parsed answer: whole numbers (a number, a shape, an index tuple), a set of cells, or a choice. */
export type Answer =
  | { kind: 'ints'; value: number[] }
  | { kind: 'cells'; value: string[] }
  | { kind: 'choice'; value: string };

/** The answer widget: a text input (number, shape, tuple), cell picking, or multiple choice. */
export type ExerciseKind = 'number' | 'shape' | 'ints' | 'cells' | 'choice';

/** Variant parameters: plain integers, so they travel as `data-params` JSON. */
export type ExerciseParams = Record<string, number>;

/** A known mistake: the answer it leads to (computed, like the answer) and the message naming it. */
export interface Mistake {
  answer: Answer;
  message: string;
}

/** One candidate cell of a picker; `key` becomes `data-key`. */
export interface PickCell {
  key: string;
  label: string;
}

export interface Solution {
  answer: Answer;
  /** The answer as shown by Reveal, e.g. "(4, 2, 9, 3)". */
  answerText: string;
  /** Known mistakes; the first whose answer equals the student's names it. */
  mistakes: Mistake[];
  /** One step of reasoning, computed from the same tensors. */
  hint: string;
  /** Shown for a wrong answer that is no known mistake: how to get there, without the result. */
  explanation: string;
  /** For `cells`: the candidates, laid out row-major in `columns` columns. */
  cells?: { candidates: PickCell[]; columns: number; caption: string };
  /** For `choice`: the options (their `value` is what an answer compares). */
  choices?: { value: string; label: string }[];
}

export interface ExerciseDef<P extends ExerciseParams = ExerciseParams> {
  id: string;
  kind: ExerciseKind;
  /** Label of the text input, e.g. "win, dy, dx" or "shape of q". */
  answerLabel?: string;
  /** The variant: a seeded random choice of parameters (pure, no tfjs). */
  params(rng: Rng): P;
  /** The question; text between backticks is shown as code. */
  question(p: P): string;
  /** Runs the chapter's real ops (cpu backend ready) and returns the answer and its feedback. */
  solve(p: P): Solution;
}

/** Helps chapters keep each definition's parameter type while listing them together. */
export function defineExercise<P extends ExerciseParams>(def: ExerciseDef<P>): ExerciseDef {
  return def as unknown as ExerciseDef;
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast, and the same sequence in every browser for the same seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)] };
}

/** Helpers for solutions: answers from plain values. */
export const ints = (...value: number[]): Answer => ({ kind: 'ints', value });
export const cells = (value: readonly string[]): Answer => ({ kind: 'cells', value: [...value] });
export const choice = (value: string): Answer => ({ kind: 'choice', value });

/** "(4, 2, 9, 3)": a shape as PyTorch prints it, without torch.Size. */
export const shapeText = (shape: readonly number[]) => `(${shape.join(', ')})`;
