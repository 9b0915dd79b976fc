/**
 * Reading answers off tensors the exercises computed: where a value landed (provenance by iota,
 * as the figures do), and plain formatting. Takes snapshots, so it needs no tfjs itself.
 */
import type { Snapshot } from '$lib/tensor/snapshot';
import { unravel } from '$lib/tensor/snapshot';

/** Full index of the first element equal to `value`; throws if there is none (a bug in a solution). */
export function indexOfValue(snap: Snapshot, value: number): number[] {
  const flat = snap.data.indexOf(value);
  if (flat < 0) throw new Error(`value ${value} not found in a tensor of shape [${snap.shape}]`);
  return unravel(flat, snap.shape);
}

/** The element at a full index. */
export function valueAt(snap: Snapshot, index: readonly number[]): number {
  let flat = 0;
  for (let i = 0; i < index.length; i++) flat = flat * snap.shape[i] + index[i];
  return snap.data[flat];
}

/** "(a, b, c)" with the page's minus sign for negatives. */
export function tupleText(values: readonly number[]): string {
  return `(${values.map((v) => String(v).replace('-', '−')).join(', ')})`;
}

/** Distinct answers only, dropping any that equal `right` (a mistake that happens to be right). */
export function distinct<T>(items: readonly T[], key: (t: T) => string, right?: string): T[] {
  const seen = new Set<string>(right === undefined ? [] : [right]);
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
