/**
 * Page side of the trace worker: one worker per page, started on first use. Each call gets the
 * reply to its own request id; a caller drops replies it no longer wants (parameters changed).
 */
import { fromWire, type WireTrace } from './serialize';
import type { Trace } from './types';

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (t: Trace) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./trace-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<{ id: number; trace?: WireTrace; error?: string }>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.trace) p.resolve(fromWire(e.data.trace));
    else p.reject(new Error(e.data.error ?? 'the trace worker failed'));
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(`the trace worker failed: ${e.message}`));
    pending.clear();
  };
  return worker;
}

/** Run `fn(values)` of `content/NN-<module>/trace.ts` in the worker. */
export function traceOffMainThread(
  module: string,
  fn: string,
  values: Record<string, number>
): Promise<Trace> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, module, fn, values });
  });
}
