/**
 * Opening an exercise from a class link (`?exercise=<id>&variant=<seed>`): read the link, then
 * scroll the exercise into view and focus it. Figures above it finish drawing later and push it
 * down, so for a short while it is brought back into view — until the student scrolls themselves.
 */
import { parseVariant } from './exercise-answer';

/** The query names of an exercise link: figures that rewrite the URL carry them over. */
export const EXERCISE_LINK_PARAMS: readonly string[] = ['exercise', 'variant'];

export interface ExerciseLink {
  /** This exercise is the one the link names. */
  linked: boolean;
  /** The variant's seed, or null when absent or invalid. */
  variant: number | null;
  /** The raw variant text when it was invalid, for the message. */
  invalid: string | null;
}

export function readExerciseLink(search: string, id: string): ExerciseLink {
  const query = new URLSearchParams(search);
  const linked = query.get('exercise') === id;
  const raw = query.get('variant');
  if (!linked || raw === null) return { linked, variant: null, invalid: null };
  const variant = parseVariant(raw);
  return { linked, variant, invalid: variant === null ? raw : null };
}

/** Scroll `el` into view and focus it; follow layout shifts for `ms` unless the user scrolls. */
export function bringIntoView(el: HTMLElement, ms = 3000): void {
  const show = () => el.scrollIntoView({ block: 'center' });
  show();
  el.focus({ preventScroll: true });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'])
      removeEventListener(type, stop);
  };
  const observer = new ResizeObserver(() => {
    const r = el.getBoundingClientRect();
    if (r.bottom < 0 || r.top > innerHeight) show();
  });
  observer.observe(document.body);
  const timer = setTimeout(stop, ms);
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'])
    addEventListener(type, stop, { once: true, passive: true });
}
