/**
 * State of one figure: its parameters (as raw query values, validated on read), the current step
 * and the linked cell. One instance per figure, owned by the figure; synced to the URL query under
 * the PyTorch argument names, so a link reproduces the exact view.
 */
import type { ParamSpec, Parsed, Query } from '$lib/figure/params';

export class FigureState {
  /** Raw values as typed or linked; validation never mutates them. */
  query = $state<Query>({});
  /** Requested step, 0-based (the URL's `step` is 1-based for people). */
  requestedStep = $state(0);
  /** Provenance ids linked by hover/focus, shared by every tensor view of the figure. */
  highlight = $state<ReadonlySet<number> | null>(null);

  link(ids: readonly number[] | null): void {
    // Replaced whole on every hover, never mutated: a plain Set is enough.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.highlight = ids === null ? null : new Set(ids);
  }

  readonly specs: readonly ParamSpec[];
  readonly #validate: (q: Query) => Parsed;

  constructor(specs: readonly ParamSpec[], validate: (q: Query) => Parsed) {
    this.specs = specs;
    this.#validate = validate;
  }

  parsed = $derived.by(() => this.#validate(this.query));

  setParam(name: string, raw: string): void {
    this.query = { ...this.query, [name]: raw };
    this.highlight = null;
  }

  /** Read our parameters (and `step`) from a URL search string; other keys are ignored. */
  readUrl(search: string): void {
    // Parsed once into a plain object; never mutated, so no reactive URLSearchParams is needed.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const all = Object.fromEntries(new URLSearchParams(search));
    this.query = Object.fromEntries(
      this.specs.filter((s) => all[s.name] !== undefined).map((s) => [s.name, all[s.name]])
    );
    this.stepQuery = all.step ?? null;
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
    const values = this.parsed.values;
    // A text-format parameter (e.g. window_size=2x3) is written as its canonical text.
    const pairs = this.specs
      .map((s) => ({ s, text: s.format ? s.format(values) : String(values[s.name]) }))
      .filter(({ s, text }) => text !== String(s.default))
      .map(({ s, text }) => [s.name, text]);
    if (stepIndex > 0) pairs.push(['step', String(stepIndex + 1)]);
    const text = pairs
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    return text ? `?${text}` : '';
  }
}
