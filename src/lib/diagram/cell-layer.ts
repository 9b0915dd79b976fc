/**
 * The cells of a tensor drawn straight into an SVG group, as d3 would: the `<rect>`s are made once
 * per layout, and a change of values or of the linked cells only rewrites the attributes that
 * changed. A parameter change has to redraw a few thousand cells within one frame; one reactive
 * Svelte block per cell spent most of that frame bookkeeping (measured with `npm run bench:pages`).
 *
 * DOM contract of every cell: `<rect class="cell" data-i data-index data-value>`, `.linked` and
 * `aria-selected` when linked; focusable cells are `role="gridcell"` with a roving tabindex and an
 * `aria-label` that names the tensor, the index and the value.
 */
import { formatValue, textOn } from './color';

/** Where one cell sits: its flat offset in the tensor, its full index, its top-left corner. */
export interface CellPlace {
  flat: number;
  index: readonly number[];
  x: number;
  y: number;
}

export interface CellPaint {
  /** The tensor's name, for the cells' labels. */
  name: string;
  /** Side of a cell in px. */
  size: number;
  data: ArrayLike<number>;
  dtype: 'float32' | 'int32';
  color: (v: number) => string;
  /** Write each value inside its cell (only where it fits). */
  text: boolean;
  /** Keyboard grid cells (`role="gridcell"`, roving tabindex, `aria-label`), or plain marks. */
  focusable: boolean;
}

interface LayerState {
  cells: readonly CellPlace[];
  size: number;
  focusable: boolean;
  rects: SVGRectElement[];
  texts: SVGTextElement[] | null;
  /** Last written value and fill per cell, so unchanged cells are not touched. */
  values: string[];
  fills: string[];
  linked: Uint8Array;
  isLinked: ((flat: number) => boolean) | null;
  active: number;
}

const SVG = 'http://www.w3.org/2000/svg';
const states = new WeakMap<SVGGElement, LayerState>();
// textOn parses a colour; a scale yields a few hundred distinct colours at most.
const textColours = new Map<string, string>();
const textColour = (fill: string) => {
  let c = textColours.get(fill);
  if (c === undefined) textColours.set(fill, (c = textOn(fill)));
  return c;
};

function build(layer: SVGGElement, cells: readonly CellPlace[], p: CellPaint): LayerState {
  const rects: SVGRectElement[] = [];
  const texts: SVGTextElement[] | null = p.text ? [] : null;
  const size = String(p.size);
  cells.forEach((c, i) => {
    const r = document.createElementNS(SVG, 'rect');
    r.setAttribute('class', 'cell');
    r.setAttribute('data-i', String(i));
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
  // Values go in a group after all cells, so no cell's stroke is drawn over a number.
  const values = document.createElementNS(SVG, 'g');
  values.setAttribute('class', 'values');
  values.setAttribute('aria-hidden', 'true');
  if (texts)
    for (const c of cells) {
      const t = document.createElementNS(SVG, 'text');
      t.setAttribute('class', 'value');
      t.setAttribute('x', String(c.x + p.size / 2));
      t.setAttribute('y', String(c.y + p.size / 2));
      // A text node kept per cell: writing its data is a "text changed", while textContent
      // replaces the node (style recalc and layout of a new node, measured).
      t.appendChild(document.createTextNode(''));
      texts.push(t);
    }
  values.replaceChildren(...(texts ?? []));
  layer.replaceChildren(...rects, values);
  const n = cells.length;
  return {
    cells,
    size: p.size,
    focusable: p.focusable,
    rects,
    texts,
    values: new Array<string>(n).fill(''),
    fills: new Array<string>(n).fill(''),
    linked: new Uint8Array(n),
    isLinked: null,
    active: 0
  };
}

/** Draw `cells` of a tensor into `layer` (an SVG `<g>` owned by the caller) and colour them. */
export function drawCells(layer: SVGGElement, cells: readonly CellPlace[], p: CellPaint): void {
  let s = states.get(layer);
  if (
    !s ||
    s.cells !== cells ||
    s.size !== p.size ||
    s.focusable !== p.focusable ||
    !!s.texts !== p.text
  ) {
    const isLinked = s?.isLinked ?? null;
    s = build(layer, cells, p);
    states.set(layer, s);
    if (isLinked) markLinked(layer, isLinked);
  }
  for (let i = 0; i < cells.length; i++) {
    const v = p.data[cells[i].flat];
    const value = String(v);
    // A new scale can recolour a cell whose value did not change, so fills are compared apart.
    const fill = p.color(v);
    if (fill !== s.fills[i]) {
      s.rects[i].setAttribute('fill', (s.fills[i] = fill));
      s.texts?.[i].setAttribute('fill', textColour(fill));
    }
    if (value === s.values[i]) continue;
    s.values[i] = value;
    const shown = formatValue(v, p.dtype);
    s.rects[i].setAttribute('data-value', value);
    if (p.focusable)
      s.rects[i].setAttribute('aria-label', `${p.name}[${cells[i].index.join(', ')}] = ${shown}`);
    if (s.texts) (s.texts[i].firstChild as Text).data = shown;
  }
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
  return next;
}
