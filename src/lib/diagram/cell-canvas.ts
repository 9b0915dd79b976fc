/**
 * The colours and numbers of a tensor's cells, painted on a canvas that lies under the SVG grid.
 * The SVG keeps one transparent `<rect>` per cell for the DOM contract, hover, keyboard focus and
 * screen readers (cell-layer.ts); the pixels are here. Changing a few thousand SVG fills and texts
 * cost a style recalc and a text layout per cell (measured: 10–20 ms a change on /window-attention);
 * repainting a canvas costs a fraction of that.
 */
import { interpolateRgb } from 'd3';
import { formatValue, textOn } from './color';
import type { CellPlace } from './cell-layer';

export interface CanvasPaint {
  /** CSS size of the drawing, in px (the canvas is scaled by devicePixelRatio for sharp text). */
  width: number;
  height: number;
  /** Side of a cell in px, and the gap left around each cell's colour (the page shows through). */
  size: number;
  gap: number;
  data: ArrayLike<number>;
  dtype: 'float32' | 'int32';
  color: (v: number) => string;
  /** Write each value inside its cell. */
  text: boolean;
  /** While cells are linked, the others are drawn faded (null: nothing linked). */
  isLinked: ((flat: number) => boolean) | null;
  /** Masked cells get a diagonal hatch over their colour (null or absent: none). */
  isMasked?: ((flat: number) => boolean) | null;
}

/**
 * How far cells that are not linked fade toward a neutral grey while some are. Mixed, not drawn
 * translucent: the faded colour is then known here, so the text on it is picked for contrast
 * (≥ 4.5:1, see color.ts) instead of being faded with it, in either theme.
 */
export const FADED = 0.55;
const FADE_TO = '#8a8d96';
const fadedColours = new Map<string, string>();
export function fadedColour(fill: string): string {
  let c = fadedColours.get(fill);
  if (c === undefined) {
    if (fadedColours.size >= 4096) fadedColours.clear();
    fadedColours.set(fill, (c = interpolateRgb(fill, FADE_TO)(FADED)));
  }
  return c;
}

// textOn parses a colour, so its answers are kept; continuous scales give new colours with every
// new set of values, so the table is emptied when it grows past a few thousand.
const textColours = new Map<string, string>();
export function textColour(fill: string): string {
  let c = textColours.get(fill);
  if (c === undefined) {
    if (textColours.size >= 4096) textColours.clear();
    textColours.set(fill, (c = textOn(fill)));
  }
  return c;
}

// Read once: getComputedStyle after the cells changed would force a style recalc on every paint
// (measured: 2.6 ms a change on /window-attention). --mono is the same in both themes.
let font: string | null = null;
function monoFont(): string {
  if (font === null) {
    const mono = getComputedStyle(document.documentElement).getPropertyValue('--mono').trim();
    font = `10px ${mono || 'monospace'}`;
  }
  return font;
}

/**
 * The positions of `keys` grouped by key, in order of first appearance. A plain Map: d3.group's
 * InternMap cost 1.8 ms a change on /ttsr-search-transfer's 3,840 cells.
 */
export function groupBy(keys: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const members = groups.get(k);
    if (members) members.push(i);
    else groups.set(k, [i]);
  });
  return groups;
}

/**
 * Paint `cells` onto `canvas` (resized to the drawing when needed). With `only`, paint just the
 * cells it picks, each cleared first (a cell's text stays inside its square), and return false;
 * the caller paints the rest later. A resize clears the bitmap, so then every cell is painted and
 * the answer is true: nothing is left for later.
 */
export function paintCells(
  canvas: HTMLCanvasElement,
  all: readonly CellPlace[],
  p: CanvasPaint,
  only?: (cell: CellPlace) => boolean
): boolean {
  // The real ratio (1.25, 1.5 on many laptops), so text is as sharp as the SVG's was; capped so
  // a huge drawing never asks for a bitmap past what browsers allow (~16k px a side).
  const ratio = Math.min(globalThis.devicePixelRatio || 1, 16384 / Math.max(p.width, p.height, 1));
  const w = Math.ceil(p.width * ratio);
  const h = Math.ceil(p.height * ratio);
  // Assigning a size reallocates the bitmap, so only when it changes.
  const resized = canvas.width !== w || canvas.height !== h;
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return true;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const part = !!only && !resized;
  const cells = part ? all.filter(only) : all;
  if (part) for (const c of cells) ctx.clearRect(c.x, c.y, p.size, p.size);
  else ctx.clearRect(0, 0, p.width, p.height);
  const inner = p.size - 2 * p.gap;
  const linked = p.isLinked;
  const fills = cells.map((c) => {
    const fill = p.color(p.data[c.flat]);
    return linked === null || linked(c.flat) ? fill : fadedColour(fill);
  });
  // One fillStyle per colour, not per cell: setting it parses the colour each time (a sizeable part
  // of a repaint of 1,536 cells); cells of one colour are drawn together, order does not matter.
  for (const [fill, members] of groupBy(fills)) {
    ctx.fillStyle = fill;
    for (const i of members) ctx.fillRect(cells[i].x + p.gap, cells[i].y + p.gap, inner, inner);
  }
  // Masked cells: one diagonal in the colour that contrasts with their fill (the text colour).
  const masked = p.isMasked;
  if (masked) {
    ctx.lineWidth = Math.max(1, Math.min(2, p.size / 10));
    cells.forEach((c, i) => {
      if (!masked(c.flat)) return;
      const x = c.x + p.gap;
      const y = c.y + p.gap;
      ctx.strokeStyle = textColour(fills[i]);
      ctx.beginPath();
      ctx.moveTo(x, y + inner);
      ctx.lineTo(x + inner, y);
      ctx.stroke();
    });
  }
  if (p.text) {
    ctx.font = monoFont();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    // Text is black or white: two fillStyles for all the cells.
    for (const [ink, members] of groupBy(fills.map(textColour))) {
      ctx.fillStyle = ink;
      for (const i of members) {
        const c = cells[i];
        ctx.fillText(formatValue(p.data[c.flat], p.dtype), c.x + p.size / 2, c.y + p.size / 2);
      }
    }
  }
  return !part;
}
