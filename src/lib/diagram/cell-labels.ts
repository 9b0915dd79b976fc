/**
 * The accessible names of a tensor's cells ("attn_mask[8, 0, 2] = −100"), kept up to date after a
 * change without holding up the frame that shows it. Up to LABELS_IN_FRAME cells are relabelled
 * at once; a larger change relabels the cell a screen reader is on at once and the rest a slice per
 * idle period (1,536 labels took most of /window-attention's frame). A cell reached by the
 * keyboard is labelled before it is announced (`write`).
 */
import { whenIdle } from '$lib/idle';
import { formatValue } from './color';

// A label costs ~2.5 µs (format, string, setAttribute): 32 is a fraction of a millisecond, while
// /restormer's 480 cells took 1.2 ms of its frame.
export const LABELS_IN_FRAME = 32;
const LABELS_PER_IDLE_SLICE = 512;

/** A screen reader says "minus" for U+2212 and may skip a hyphen. */
const spoken = (text: string) => text.replace(/^-/, '\u2212');

/** The accessible name of a cell: tensor, full index, value ("x[1, 2] = −0.50"). */
export function cellLabel(
  name: string,
  index: readonly number[],
  v: number,
  dtype: 'float32' | 'int32',
  masked = false
): string {
  return `${name}[${index.join(', ')}] = ${spoken(formatValue(v, dtype))}${masked ? ', masked' : ''}`;
}

/** The labels of one layer's cells: which are stale, and how to name them now. */
export class CellLabels {
  readonly #cells: readonly Element[];
  readonly #stale: Uint8Array;
  /** Cells marked stale since the last `update`. */
  #marked = 0;
  #labelOf: ((i: number) => string) | null = null;
  #cancel: (() => void) | null = null;

  constructor(cells: readonly Element[]) {
    this.#cells = cells;
    this.#stale = new Uint8Array(cells.length);
  }

  /** Cell `i` shows a new value (or mask): its label names an old one. */
  mark(i: number): void {
    this.#stale[i] = 1;
    this.#marked++;
  }

  /** Name the stale cells by `labelOf`: all at once when few changed, else `active` now, the rest when idle. */
  update(labelOf: (i: number) => string, active: number): void {
    if (!this.#marked) return;
    const marked = this.#marked;
    this.#marked = 0;
    this.#labelOf = labelOf;
    this.cancel();
    if (marked <= LABELS_IN_FRAME) {
      for (let i = 0; i < this.#cells.length; i++) this.write(i);
      return;
    }
    this.write(active);
    this.#flush(0);
  }

  /** Write cell `i`'s label now if it is stale. */
  write(i: number): void {
    if (!this.#stale[i] || !this.#labelOf) return;
    this.#stale[i] = 0;
    this.#cells[i].setAttribute('aria-label', this.#labelOf(i));
  }

  /** Stop writing labels in idle time (the cells are being replaced or relabelled anew). */
  cancel(): void {
    this.#cancel?.();
    this.#cancel = null;
  }

  /** Write the stale labels a slice at a time, each slice in its own idle period. */
  #flush(from: number): void {
    this.#cancel = whenIdle(() => {
      const end = Math.min(this.#cells.length, from + LABELS_PER_IDLE_SLICE);
      for (let i = from; i < end; i++) this.write(i);
      if (end < this.#cells.length) this.#flush(end);
      else this.#cancel = null;
    }, 200);
  }
}
