/**
 * Web Worker that runs a figure's trace off the main thread, on the wasm backend, for sizes too
 * heavy for one frame. Request: { id, module, fn, values }; reply: { id, trace } or { id, error }.
 */
import { readyWasm } from '$lib/tensor/backend';
import { toWire, transferables } from './serialize';
import type { Trace } from './types';

type TraceModule = Record<string, unknown>;
// Each chapter's trace module, keyed by its slug (content/NN-slug/trace.ts → "slug").
const modules = Object.fromEntries(
  Object.entries(import.meta.glob<TraceModule>('/content/*/trace.ts')).map(([path, load]) => [
    path.split('/').at(-2)!.replace(/^\d+-/, ''),
    load
  ])
);
const ready = readyWasm();

self.onmessage = async (e: MessageEvent) => {
  const { id, module, fn, values } = e.data as {
    id: number;
    module: string;
    fn: string;
    values: Record<string, number>;
  };
  try {
    await ready;
    const load = modules[module];
    if (!load) throw new Error(`no chapter "${module}" with a trace.ts`);
    const run = (await load())[fn] as ((v: Record<string, number>) => Trace) | undefined;
    if (typeof run !== 'function')
      throw new Error(`trace module "${module}" has no function "${fn}"`);
    const wire = toWire(run(values));
    self.postMessage({ id, trace: wire }, { transfer: transferables(wire) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
