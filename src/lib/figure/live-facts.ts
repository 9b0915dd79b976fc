/**
 * Where the live numbers in a chapter's prose come from: the chapter's own `*Facts()` (real
 * tensors, computed in the browser), loaded on demand with tfjs so the prerendered text shows
 * first, run once per page and shared by every `<LiveFact>` that names it.
 */
export type Facts = Record<string, string>;
export type FactSource = () => Promise<Facts>;

/** `load` imports the chapter's facts module lazily, e.g. `() => import('./facts').then((m) => m.restormerFacts)`. */
export function liveFacts(load: () => Promise<() => Facts>): FactSource {
  let facts: Promise<Facts> | null = null;
  return () =>
    (facts ??= Promise.all([
      load(),
      import('$lib/tensor/backend').then(({ readyCpu }) => readyCpu())
    ]).then(([compute]) => compute()));
}
