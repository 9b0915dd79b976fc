/**
 * The cells of a tensor as SVG elements, made straight into a group as d3 would: the `<rect>`s are
 * made once per layout, and a change of values or of the linked cells only rewrites the attributes
 * that changed. They are transparent: they carry the DOM contract, hover, keyboard focus and the
 * screen-reader labels, and draw the outline of linked and focused cells; the colours and numbers
 * are painted on a canvas beneath (cell-canvas.ts). One reactive Svelte block per cell spent most
 * of a parameter change's frame on bookkeeping (measured with `npm run bench:pages`).
 *
 * DOM contract of every cell: `<rect class="cell" data-i data-index data-value>`, `.linked` and
 * `aria-selected` when linked; focusable cells are `role="gridcell"` with a roving tabindex and an
 * `aria-label` that names the tensor, the index and the value ("attn_mask[8, 0, 2] = −100").
 *
 * Focusable cells follow the ARIA grid pattern: the caller's element is `role="grid"`, and the cells
 * are grouped here into `<g role="row">` of `cols` cells, the rows optionally into one
 * `<g role="rowgroup" aria-label>` per slice. The groups are made with the cells, once per layout,
 * so the grid is also the tensor's table for screen readers at no cost to a parameter change.
 */
import { formatValue } from './color';

/** Where one cell sits: its flat offset in the tensor, its full index, its top-left corner. */
export interface CellPlace {
  flat: number;
  index: readonly number[];
  x: number;
  y: number;
}

export interface CellData {
  /** The tensor's name, for the cells' labels. */
  name: string;
  /** Side of a cell in px. */
  size: number;
  data: ArrayLike<number>;
  dtype: 'float32' | 'int32';
  /** Keyboard grid cells (`role="gridcell"`, roving tabindex, `aria-label`), or plain marks. */
  focusable: boolean;
  /** `data-i` of the first cell, when several layers share one figure's numbering (default 0). */
  first?: number;
  /** Focusable cells: cells per `role="row"` (default: all in one row). */
  cols?: number;
  /** Focusable cells: one `role="rowgroup"` per label, the rows shared evenly (e.g. per slice). */
  groups?: readonly string[];
  /** Cells whose value is masked out (e.g. −100 in attn_mask): their label says so. */
  masked?: ((flat: number) => boolean) | null;
}

interface LayerState {
  cells: readonly CellPlace[];
  /** What the elements were made for: a change of any of these rebuilds them. */
  made: string;
  focusable: boolean;
  rects: SVGRectElement[];
  /** Last written value per cell, so unchanged cells are not touched. */
  values: string[];
  linked: Uint8Array;
  isLinked: ((flat: number) => boolean) | null;
  active: number;
  /** Cells whose `aria-label` still names an old value, and how to name them now. */
  stale: Uint8Array;
  labelOf: ((i: number) => string) | null;
  cancelLabels: (() => void) | null;
}

/**
 * Up to this many cells are relabelled in the frame that shows new values; a larger change
 * relabels the focused cell at once and the rest in idle time right after (1,536 labels took
 * most of /window-attention's frame). data-value, which tests and tools read, is always written
 * in the frame.
 */
export const LABELS_IN_FRAME = 256;
const LABELS_PER_IDLE_SLICE = 512;

function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}

function writeLabel(s: LayerState, i: number): void {
  if (!s.stale[i] || !s.labelOf) return;
  s.stale[i] = 0;
  s.rects[i].setAttribute('aria-label', s.labelOf(i));
}

/** Write the stale labels a slice at a time, each slice in its own idle period. */
function flushLabels(s: LayerState, from = 0): void {
  s.cancelLabels = whenIdle(() => {
    const end = Math.min(s.rects.length, from + LABELS_PER_IDLE_SLICE);
    for (let i = from; i < end; i++) writeLabel(s, i);
    if (end < s.rects.length) flushLabels(s, end);
    else s.cancelLabels = null;
  });
}

const SVG = 'http://www.w3.org/2000/svg';
const states = new WeakMap<SVGGElement, LayerState>();

// The labels name the tensor and format by dtype, so those rebuild the cells too.
const madeFor = (p: CellData) =>
  `${p.name}|${p.dtype}|${p.size}|${p.focusable}|${p.first ?? 0}|${p.cols}|${p.groups?.join('\u0000')}`;

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

function group(role: string, children: readonly Element[], label?: string): SVGGElement {
  const g = document.createElementNS(SVG, 'g');
  g.setAttribute('role', role);
  if (label) g.setAttribute('aria-label', label);
  g.append(...children);
  return g;
}

/** Focusable cells in rows of `cols`, the rows in one rowgroup per label of `groups`. */
function gridRows(rects: readonly SVGRectElement[], p: CellData): SVGGElement[] {
  const cols = Math.max(1, p.cols ?? rects.length);
  const rows: SVGGElement[] = [];
  for (let k = 0; k < rects.length; k += cols) rows.push(group('row', rects.slice(k, k + cols)));
  const labels = p.groups ?? [];
  if (labels.length === 0) return rows;
  const per = Math.ceil(rows.length / labels.length);
  return labels.map((label, k) => group('rowgroup', rows.slice(k * per, (k + 1) * per), label));
}

function build(layer: SVGGElement, cells: readonly CellPlace[], p: CellData): LayerState {
  const rects: SVGRectElement[] = [];
  const size = String(p.size);
  cells.forEach((c, i) => {
    const r = document.createElementNS(SVG, 'rect');
    r.setAttribute('class', 'cell');
    r.setAttribute('data-i', String((p.first ?? 0) + i));
    r.setAttribute('data-index', c.index.join(','));
    r.setAttribute('x', String(c.x));
    r.setAttribute('y', String(c.y));
    r.setAttribute('width', size);
    r.setAttribute('height', size);
    if (p.focusable) {
      r.setAttribute('role', 'gridcell');
      r.setAttribute('tabindex', i === 0 ? '0' : '-1');
      r.setAttribute('aria-selected', 'false');
    }
    rects.push(r);
  });
  layer.replaceChildren(...(p.focusable ? gridRows(rects, p) : rects));
  const n = cells.length;
  return {
    cells,
    made: madeFor(p),
    focusable: p.focusable,
    rects,
    values: new Array<string>(n).fill(''),
    linked: new Uint8Array(n),
    isLinked: null,
    active: 0,
    stale: new Uint8Array(n),
    labelOf: null,
    cancelLabels: null
  };
}

/** Make or update the cells of a tensor in `layer` (an SVG `<g>` owned by the caller). */
export function drawCells(layer: SVGGElement, cells: readonly CellPlace[], p: CellData): void {
  let s = states.get(layer);
  if (!s || s.cells !== cells || s.made !== madeFor(p)) {
    const isLinked = s?.isLinked ?? null;
    // A rebuild replaces the elements: keep keyboard focus on the same index if it is still there.
    const focused = layer.contains(document.activeElement)
      ? document.activeElement?.getAttribute('data-index')
      : null;
    s = build(layer, cells, p);
    states.set(layer, s);
    if (isLinked) markLinked(layer, isLinked);
    const again = focused ? cells.findIndex((c) => c.index.join(',') === focused) : -1;
    if (again >= 0 && p.focusable) activateCell(layer, again)?.focus();
  }
  let relabel = 0;
  for (let i = 0; i < cells.length; i++) {
    const v = p.data[cells[i].flat];
    const masked = p.masked ? p.masked(cells[i].flat) : false;
    // The label depends on the value and on the mask: both are in what was last written.
    const value = String(v);
    const written = masked ? `${value}|m` : value;
    if (written === s.values[i]) continue;
    s.values[i] = written;
    s.rects[i].setAttribute('data-value', value);
    if (p.focusable) {
      s.stale[i] = 1;
      relabel++;
    }
  }
  if (!relabel) return;
  const { name, dtype, data, masked } = p;
  s.labelOf = (i) =>
    cellLabel(name, cells[i].index, data[cells[i].flat], dtype, masked?.(cells[i].flat) ?? false);
  s.cancelLabels?.();
  s.cancelLabels = null;
  if (relabel <= LABELS_IN_FRAME) {
    for (let i = 0; i < cells.length; i++) writeLabel(s, i);
    return;
  }
  writeLabel(s, s.active); // the cell a screen reader is on
  flushLabels(s);
}

/** What the keys do in a tensor grid (see grid-keys.ts), as its description for screen readers. */
export const GRID_KEYS =
  'Arrow keys move between cells; Home and End go to the ends of a row, Control+Home and ' +
  'Control+End to the first and last cell; Page Up and Page Down move to the previous or next slice.';

/** The cells' `masked` predicate from a view's mask (1 = masked), null without one. */
export function maskedBy(mask: ArrayLike<number> | undefined): ((flat: number) => boolean) | null {
  return mask ? (flat) => mask[flat] === 1 : null;
}

/**
 * The predicate `markLinked` and the canvas take: is the cell at `flat` one of the linked ids
 * (its provenance id, or its flat offset without provenance)? Null when nothing is linked.
 */
export function linkedBy(
  ids: ReadonlySet<number> | null,
  provenance: ArrayLike<number> | undefined
): ((flat: number) => boolean) | null {
  return ids && ((flat) => ids.has(provenance ? provenance[flat] : flat));
}

/** Outline the cells for which `isLinked(flat)` holds (null: none); only changed cells are touched. */
export function markLinked(layer: SVGGElement, isLinked: ((flat: number) => boolean) | null): void {
  const s = states.get(layer);
  if (!s) return;
  s.isLinked = isLinked;
  for (let i = 0; i < s.cells.length; i++) {
    const on = isLinked !== null && isLinked(s.cells[i].flat) ? 1 : 0;
    if (on === s.linked[i]) continue;
    s.linked[i] = on;
    s.rects[i].classList.toggle('linked', on === 1);
    if (s.focusable) s.rects[i].setAttribute('aria-selected', on ? 'true' : 'false');
  }
}

/** Move the roving tabindex to cell `i` (the one Tab lands on); returns its element. */
export function activateCell(layer: SVGGElement, i: number): SVGRectElement | undefined {
  const s = states.get(layer);
  const next = s?.rects[i];
  if (!s || !next) return undefined;
  s.rects[s.active]?.setAttribute('tabindex', '-1');
  next.setAttribute('tabindex', '0');
  s.active = i;
  writeLabel(s, i); // its label may still be waiting for an idle period
  return next;
}
