/**
 * The cells of a tensor as SVG elements, made straight into a group as d3 would: the `<rect>`s are
 * made once per layout, and a change of values or of the linked cells only rewrites the attributes
 * that changed. They are transparent: they carry the DOM contract, hover, keyboard focus and the
 * screen-reader labels, and draw the outline of linked and focused cells; the colours and numbers
 * are painted on a canvas beneath (cell-canvas.ts).
 *
 * DOM contract of every cell: `<rect class="cell" data-i data-index data-value>`, `.linked` and
 * `aria-selected` when linked; focusable cells are `role="gridcell"` with a roving tabindex and an
 * `aria-label` that names the tensor, the index and the value ("attn_mask[8, 0, 2] = −100").
 *
 * Focusable cells follow the ARIA grid pattern: the caller's element is `role="grid"`, and the cells
 * are grouped here into `<g role="row">` of `cols` cells, the rows optionally into one
 * `<g role="rowgroup" aria-label>` per slice. The groups are made with the cells, once per layout,
 * so the grid is also the tensor's table for screen readers at no cost to a parameter change.
 *
 * A change may write the values of the cells on screen first and the rest in the next frame
 * (`now`, then `flushValues`): a `data-value` costs 1–2 µs, and /ttsr-search-transfer changes
 * 3,840, many below the fold. Labels: cell-labels.ts.
 */
import { CellLabels, cellLabel } from './cell-labels';
import { gridRows } from './grid-rows';

export { cellLabel, LABELS_IN_FRAME } from './cell-labels';

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
  /** Each cell's data-value Attr (writing its value skips the lookup by name). */
  valueAttrs: Attr[];
  /**
   * Last written value per cell and how (0 never, 1 plain, 2 masked), so unchanged cells are not
   * touched. Numbers, not strings: String() of a float costs ~0.2 µs, and thousands are compared.
   */
  shown: Float64Array;
  shownAs: Uint8Array;
  /** Cells whose new value waits for `flushValues`, and the data it comes from. */
  waiting: Uint8Array;
  latest: CellData | null;
  linked: Uint8Array;
  isLinked: ((flat: number) => boolean) | null;
  active: number;
  labels: CellLabels | null;
}

const SVG = 'http://www.w3.org/2000/svg';
const states = new WeakMap<SVGGElement, LayerState>();

// The labels name the tensor and format by dtype, so those rebuild the cells too.
const madeFor = (p: CellData) =>
  `${p.name}|${p.dtype}|${p.size}|${p.focusable}|${p.first ?? 0}|${p.cols}|${p.groups?.join('\u0000')}`;

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
    r.setAttribute('data-value', '');
    rects.push(r);
  });
  layer.replaceChildren(...(p.focusable ? gridRows(rects, p) : rects));
  const n = cells.length;
  return {
    cells,
    made: madeFor(p),
    focusable: p.focusable,
    rects,
    valueAttrs: rects.map((r) => r.getAttributeNode('data-value') as Attr),
    shown: new Float64Array(n),
    shownAs: new Uint8Array(n),
    waiting: new Uint8Array(n),
    latest: null,
    linked: new Uint8Array(n),
    isLinked: null,
    active: 0,
    labels: p.focusable ? new CellLabels(rects) : null
  };
}

/**
 * Make or update the cells of a tensor in `layer` (an SVG `<g>` owned by the caller). With `now`,
 * only the cells it picks get their new `data-value` at once (the ones on screen): the others wait
 * for `flushValues` (the next frame), and their number is returned. New elements get every value.
 */
export function drawCells(
  layer: SVGGElement,
  cells: readonly CellPlace[],
  p: CellData,
  now?: ((cell: CellPlace) => boolean) | null
): number {
  let s = states.get(layer);
  let fresh = false;
  if (!s || s.cells !== cells || s.made !== madeFor(p)) {
    const isLinked = s?.isLinked ?? null;
    s?.labels?.cancel();
    // A rebuild replaces the elements: keep keyboard focus on the same index if it is still there.
    const focused = layer.contains(document.activeElement)
      ? document.activeElement?.getAttribute('data-index')
      : null;
    s = build(layer, cells, p);
    states.set(layer, s);
    fresh = true;
    if (isLinked) markLinked(layer, isLinked);
    const again = focused ? cells.findIndex((c) => c.index.join(',') === focused) : -1;
    if (again >= 0 && p.focusable) activateCell(layer, again)?.focus();
  }
  s.latest = p;
  let waiting = 0;
  for (let i = 0; i < cells.length; i++) {
    // Only a changed value waits: an unchanged one needs no write, now or later.
    const wait = !fresh && !!now && !now(cells[i]) && !isShown(s, p, i);
    s.waiting[i] = wait ? 1 : 0;
    if (wait) waiting++;
    else writeValue(s, i);
  }
  relabel(s);
  return waiting;
}

/** Write the values `drawCells` left waiting (none: a no-op). */
export function flushValues(layer: SVGGElement): void {
  const s = states.get(layer);
  if (!s?.latest) return;
  for (let i = 0; i < s.cells.length; i++) if (s.waiting[i]) writeValue(s, i);
  relabel(s);
}

/** What a cell's attribute and label show: its value, and whether it is masked (1 plain, 2 masked). */
const shownAsOf = (p: CellData, flat: number) => (p.masked?.(flat) ? 2 : 1);

/** Cell `i` already shows what `p` holds for it. */
function isShown(s: LayerState, p: CellData, i: number): boolean {
  const flat = s.cells[i].flat;
  return s.shownAs[i] === shownAsOf(p, flat) && Object.is(s.shown[i], p.data[flat]);
}

/** Write cell `i`'s value from the latest data if it changed. */
function writeValue(s: LayerState, i: number): void {
  s.waiting[i] = 0;
  const p = s.latest as CellData;
  if (isShown(s, p, i)) return;
  const flat = s.cells[i].flat;
  s.shown[i] = p.data[flat];
  s.shownAs[i] = shownAsOf(p, flat);
  s.valueAttrs[i].value = String(p.data[flat]);
  s.labels?.mark(i);
}

function relabel(s: LayerState): void {
  const p = s.latest;
  if (!s.labels || !p) return;
  const { name, dtype, data, masked } = p;
  const cells = s.cells;
  s.labels.update(
    (i) =>
      cellLabel(name, cells[i].index, data[cells[i].flat], dtype, masked?.(cells[i].flat) ?? false),
    s.active
  );
}

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
  s.labels?.write(i); // its label may still be waiting for an idle period
  return next;
}
