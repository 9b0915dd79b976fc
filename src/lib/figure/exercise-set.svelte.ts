/**
 * One chapter's exercises and what the student has solved: made once per page in the chapter's
 * Markdown (`exerciseSet('window-partition', () => import('./exercises').then((m) => m.exercises))`)
 * and passed to every `<Exercise>` and to `<ExerciseProgress>`. The definitions, and tfjs with
 * them, load on demand, so a chapter's first load stays small.
 */
import { browserStorage, readSolved, writeSolved } from './exercise-progress';
import type { ExerciseDef } from './exercise-types';

export class ExerciseSet {
  readonly chapter: string;
  /** The chapter's definitions, once loaded; their count is the n of "k of n solved". */
  defs = $state<readonly ExerciseDef[] | null>(null);
  /** Ids solved (on this page or remembered from an earlier visit). */
  solved = $state<readonly string[]>([]);
  /** False when storage is missing or refused: exercises work, progress is not kept. */
  stored = $state(true);
  failed = $state<string | null>(null);
  readonly #load: () => Promise<readonly ExerciseDef[]>;
  #loading: Promise<readonly ExerciseDef[]> | null = null;

  constructor(chapter: string, load: () => Promise<readonly ExerciseDef[]>) {
    this.chapter = chapter;
    this.#load = load;
  }

  /** Load the definitions and tfjs (once), then read the remembered progress. */
  load(): Promise<readonly ExerciseDef[]> {
    this.#loading ??= Promise.all([
      this.#load(),
      import('$lib/tensor/backend').then(({ readyCpu }) => readyCpu())
    ]).then(
      ([defs]) => {
        this.defs = defs;
        const { solved, ok } = readSolved(
          browserStorage(),
          this.chapter,
          defs.map((d) => d.id)
        );
        this.solved = solved;
        this.stored = ok;
        return defs;
      },
      (e: unknown) => {
        this.failed = e instanceof Error ? e.message : String(e);
        return [];
      }
    );
    return this.#loading;
  }

  def(id: string): ExerciseDef | undefined {
    return this.defs?.find((d) => d.id === id);
  }

  isSolved(id: string): boolean {
    return this.solved.includes(id);
  }

  markSolved(id: string): void {
    if (this.solved.includes(id)) return;
    this.solved = [...this.solved, id];
    this.stored = writeSolved(browserStorage(), this.chapter, this.solved);
  }

  reset(): void {
    this.solved = [];
    this.stored = writeSolved(browserStorage(), this.chapter, []);
  }
}

export function exerciseSet(
  chapter: string,
  load: () => Promise<readonly ExerciseDef[]>
): ExerciseSet {
  return new ExerciseSet(chapter, load);
}
