/**
 * Traces cross from the worker to the page by structured clone, which cannot carry functions:
 * each view's `linksOf` is evaluated for every element into a compact table (CSR: offsets + ids)
 * and rebuilt as a lookup on the other side.
 */
import type { Trace, TensorView } from './types';

export interface LinkTable {
  offsets: Int32Array;
  ids: Int32Array;
}
export type WireView = Omit<TensorView, 'linksOf'> & { links?: LinkTable };
export type WireTrace = Omit<Trace, 'steps'> & {
  steps: (Omit<Trace['steps'][number], 'tensors'> & { tensors: WireView[] })[];
};

function toTable(view: TensorView): LinkTable {
  const n = view.snap.data.length;
  const offsets = new Int32Array(n + 1);
  const all: number[] = [];
  for (let flat = 0; flat < n; flat++) {
    all.push(...view.linksOf!(flat));
    offsets[flat + 1] = all.length;
  }
  return { offsets, ids: Int32Array.from(all) };
}

export function toWire(trace: Trace): WireTrace {
  return {
    ...trace,
    steps: trace.steps.map((s) => ({
      ...s,
      tensors: s.tensors.map(({ linksOf, ...rest }) =>
        linksOf ? { ...rest, links: toTable({ ...rest, linksOf }) } : rest
      )
    }))
  };
}

export function fromWire(wire: WireTrace): Trace {
  return {
    ...wire,
    steps: wire.steps.map((s) => ({
      ...s,
      tensors: s.tensors.map(({ links, ...rest }) =>
        links
          ? {
              ...rest,
              linksOf: (flat: number) =>
                Array.from(links.ids.subarray(links.offsets[flat], links.offsets[flat + 1]))
            }
          : rest
      )
    }))
  };
}

/** Buffers a chapter keeps between traces (memoized by size): copied to the page, never transferred. */
const kept = new WeakSet<ArrayBufferLike>();

/** Mark `arrays` as kept between traces, so a trace run in the worker does not transfer them. */
export function keptBetweenTraces(...arrays: ArrayLike<number>[]): void {
  for (const a of arrays) if (ArrayBuffer.isView(a)) kept.add(a.buffer);
}

/**
 * The typed arrays of a wire trace, to transfer instead of copy (one owner per buffer). Provenance
 * is copied, not transferred: it depends on shapes only, so chapters keep it between traces (a
 * transferred buffer would be left detached in the worker for the next trace); so are snapshots
 * marked `keptBetweenTraces`.
 */
export function transferables(wire: WireTrace): ArrayBuffer[] {
  const seen = new Set<ArrayBufferLike>();
  for (const s of wire.steps)
    for (const t of s.tensors) {
      seen.add(t.snap.data.buffer);
      if (t.links) {
        seen.add(t.links.offsets.buffer);
        seen.add(t.links.ids.buffer);
      }
    }
  return [...seen].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && !kept.has(b));
}
