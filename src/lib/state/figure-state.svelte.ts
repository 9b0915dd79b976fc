/**
 * State of one figure: its parameters (as raw query values, validated on read), the current step
 * and the linked cell. One instance per figure, owned by the figure; synced to the URL query under
 * the PyTorch argument names, so a link reproduces the exact view.
 */
import type { ParamSpec, Parsed } from '$lib/params/params';

export class FigureState {
  /** Raw values as typed or linked; validation never mutates them. */
  query = $state(new URLSearchParams());
  /** Requested step, 0-based (the URL's `step` is 1-based for people). */
  requestedStep = $state(0);
  /** Provenance id linked by hover/focus, shared by every tensor view of the figure. */
  highlight = $state<number | null>(null);

  readonly specs: readonly ParamSpec[];
  readonly #validate: (q: URLSearchParams) => Parsed;

  constructor(specs: readonly ParamSpec[], validate: (q: URLSearchParams) => Parsed) {
    this.specs = specs;
    this.#validate = validate;
  }

  parsed = $derived.by(() => this.#validate(this.query));

  setParam(name: string, raw: string): void {
    const q = new URLSearchParams(this.query);
    q.set(name, raw);
    this.query = q;
    this.highlight = null;
  }

  /** Read our parameters (and `step`) from a URL search string; other keys are ignored. */
  readUrl(search: string): void {
    const all = new URLSearchParams(search);
    const q = new URLSearchParams();
    for (const s of this.specs) {
      const v = all.get(s.name);
      if (v !== null) q.set(s.name, v);
    }
    this.query = q;
    const step = all.get('step');
    this.stepQuery = step;
  }

  /** The raw `step` from the URL, validated against the step count by {@link stepOf}. */
  stepQuery = $state<string | null>(null);

  /** Clamp the step to `count` steps; returns the index and a message when the URL asked for more. */
  stepOf(count: number): { index: number; message?: string } {
    if (this.stepQuery === null) return { index: Math.min(this.requestedStep, count - 1) };
    const n = Number(this.stepQuery);
    if (!Number.isInteger(n) || n < 1 || n > count) {
      const index = Math.min(Math.max(Number.isFinite(n) ? Math.round(n) : 1, 1), count) - 1;
      return {
        index,
        message: `step=${this.stepQuery} is not a step of this figure (1–${count}); showing step ${index + 1}.`
      };
    }
    return { index: n - 1 };
  }

  goTo(index: number): void {
    this.stepQuery = null;
    this.requestedStep = index;
  }

  /** The canonical query for the current view: validated values that differ from the defaults. */
  search(stepIndex: number): string {
    const q = new URLSearchParams();
    for (const s of this.specs) {
      const v = this.parsed.values[s.name];
      if (v !== s.default) q.set(s.name, String(v));
    }
    if (stepIndex > 0) q.set('step', String(stepIndex + 1));
    const text = q.toString();
    return text ? `?${text}` : '';
  }
}
