/**
 * How a figure's trace runs, given its validated parameters: in the frame that shows a change,
 * or as a cheap preview in that frame with the complete trace after it (idle time), or in the
 * trace worker for heavy sizes. A figure may also have its extras (live checks, experiments,
 * detail views) follow one idle period later, so the frame that shows a change draws the step's
 * tensors only.
 * One per TracedFigure; construct it during component initialisation (it owns effects).
 */
import { untrack } from 'svelte';
import type { FigureState } from './figure-state.svelte';
import type { ParamValues } from './params';
import type { Trace } from '$lib/trace/types';
import { afterFrame } from '$lib/idle';

export interface Engine {
  trace: (values: ParamValues) => Trace;
  liveTensors: () => number;
  /**
   * Heavy sizes: run `fn(values)` of chapter `module`'s trace.ts (module = its slug) in the trace
   * worker on the wasm backend instead of on the main thread, when `when(values)` says so.
   */
  offload?: { module: string; fn: string; when: (values: ParamValues) => boolean };
  /**
   * A cheaper trace of the same values for the frame that shows a change: the visible steps'
   * tensors without the live checks or experiments. `trace` then runs after that frame, in idle
   * time, and replaces it. Without a preview, `trace` runs in the frame. `stepAt(count)` is the
   * step on show (0-based) for a trace of `count` steps, so a preview may compute only that step's
   * tensors; it must still return every step (titles and explanations). A preview returns null
   * for a step it cannot draw more cheaply: `trace` then runs in the frame, once.
   */
  preview?: (values: ParamValues, stepAt: (count: number) => number) => Trace | null;
  /**
   * Draw the figure's extras (detail views, live checks) one idle period after the step's tensors,
   * for figures whose extras would not fit in the frame with them. Without it they draw together.
   */
  extrasAfterFrame?: boolean;
}

export type RunResult = {
  trace: Trace | null;
  error: string | null;
  busy?: boolean;
  /** How long the trace took (data-trace-ms): how much of an update is computing. */
  ms?: number;
  /** A preview: the complete trace of the same values is still to come. */
  partial?: boolean;
};

/** `run(values)` timed; a failure becomes a message, never a blank figure. */
function timed(run: (v: ParamValues) => Trace, v: ParamValues): RunResult {
  try {
    const t0 = performance.now();
    const trace = run(v);
    return { trace, error: null, ms: performance.now() - t0 };
  } catch (err) {
    return { trace: null, error: err instanceof Error ? err.message : String(err) };
  }
}

export class FigureRun {
  engine = $state<Engine | null>(null);
  loadError = $state<string | null>(null);
  readonly #figure: () => FigureState;
  #background = $state<(RunResult & { key: string }) | null>(null);
  #complete = $state<(RunResult & { key: string }) | null>(null);
  /**
   * The complete trace run in the frame when the preview declined. Plain, not state: it is
   * written while `result` is derived and read only when `result` is derived again.
   */
  #inFrame: (RunResult & { key: string }) | null = null;

  key = $derived.by(() => JSON.stringify(this.#figure().parsed.values));
  /** New only when a value changed: re-entering the same value keeps this object (no re-trace). */
  values = $derived.by((): ParamValues => {
    void this.key; // the only dependency
    return untrack(() => this.#figure().parsed.values);
  });
  offloaded = $derived(!!this.engine?.offload?.when(this.values));
  result = $derived.by((): RunResult => {
    const engine = this.engine;
    if (!engine) return { trace: null, error: null };
    if (this.offloaded)
      return this.#background?.key === this.key
        ? this.#background
        : { trace: null, error: null, busy: true };
    const preview = engine.preview;
    if (!preview) return timed(engine.trace, this.values);
    const key = this.key;
    if (this.#complete?.key === key) return this.#complete;
    if (this.#inFrame?.key === key) return this.#inFrame;
    // Reading the step here makes a step change before the complete trace re-run the preview.
    const stepAt = (count: number) => this.#figure().stepOf(count).index;
    let declined = false;
    const r = timed((v) => {
      const shown = preview(v, stepAt);
      if (shown) return shown;
      declined = true;
      return engine.trace(v);
    }, this.values);
    if (!declined) return { ...r, partial: true };
    this.#inFrame = { key, ...r };
    return this.#inFrame;
  });
  trace = $derived(this.result.trace);
  /** The trace the extras show: the last complete one, one idle period behind `trace`. */
  extraTrace = $state.raw<Trace | null>(null);

  constructor(figure: () => FigureState) {
    this.#figure = figure;

    // Heavy sizes: trace in the worker; a reply for parameters that changed meanwhile is dropped.
    $effect(() => {
      const offload = this.engine?.offload;
      if (!offload || !this.offloaded) return;
      const asked = this.key;
      const v = this.values;
      import('$lib/trace/worker-client')
        .then(({ traceOffMainThread }) => traceOffMainThread(offload.module, offload.fn, v))
        .then(
          (trace) => asked === this.key && (this.#background = { key: asked, trace, error: null }),
          (err: unknown) =>
            asked === this.key &&
            (this.#background = { key: asked, trace: null, error: String(err) })
        );
    });

    // The complete trace after a preview, computed after the frame that showed the preview.
    $effect(() => {
      const engine = this.engine;
      if (!engine?.preview || this.offloaded || !this.result.partial) return;
      const asked = this.key;
      const v = this.values;
      return afterFrame(() => (this.#complete = { key: asked, ...timed(engine.trace, v) }));
    });

    // A preview never reaches the extras: they keep the last complete trace until the next one.
    $effect(() => {
      const t = this.trace;
      if (!t || this.result.partial) return;
      if (!untrack(() => this.extraTrace) || !this.engine?.extrasAfterFrame) this.extraTrace = t;
      else return afterFrame(() => (this.extraTrace = t));
    });
  }

  /** Load tfjs and the chapter's trace module. */
  start(load: () => Promise<Engine>): void {
    load()
      .then((e) => (this.engine = e))
      .catch((err: unknown) => (this.loadError = `Could not start TensorFlow.js: ${String(err)}`));
  }

  /** Everything of these values is drawn: the complete trace and the extras. */
  get ready(): boolean {
    return !!this.trace && !this.result.partial && this.extraTrace === this.trace;
  }
}
