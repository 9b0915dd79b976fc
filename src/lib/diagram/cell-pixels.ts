/**
 * Cells drawn without numbers or hatching, one canvas pixel per cell: the canvas is scaled up by
 * CSS (`image-rendering: pixelated`), so a repaint writes cols × rows pixels with one
 * putImageData instead of filling a (cell size)² square per cell, and the compositor copies a
 * bitmap of a few KB per change instead of the drawing's. Measured in headless Chromium: the
 * copy of the full-size canvases was ~2.7 ms of each change's commit on /ttsr-search-transfer.
 *
 * Cells whose positions agree modulo the cell size lie on one lattice (a facet, or several facets
 * placed a whole number of cells apart); each lattice gets its own small canvas.
 */
import { color as d3color } from 'd3';
import type { CellPlace } from './cell-layer';
import { fadedColour, groupBy, type CanvasPaint } from './cell-canvas';

export interface Lattice {
  /** CSS position of the lattice's top-left cell, and its extent in cells (= canvas pixels). */
  x: number;
  y: number;
  cols: number;
  rows: number;
  /** For each of its cells: the index in the drawing's `cells`, and its pixel (row-major). */
  members: Int32Array;
  pixels: Int32Array;
}

const mod = (v: number, m: number) => ((v % m) + m) % m;

function latticesOf(cells: readonly CellPlace[], size: number): Lattice[] {
  const groups = groupBy(cells.map((c) => `${mod(c.x, size)},${mod(c.y, size)}`));
  return [...groups.values()].map((members) => {
    let x = Infinity;
    let y = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (const i of members) {
      x = Math.min(x, cells[i].x);
      y = Math.min(y, cells[i].y);
      right = Math.max(right, cells[i].x);
      bottom = Math.max(bottom, cells[i].y);
    }
    const cols = Math.round((right - x) / size) + 1;
    const rows = Math.round((bottom - y) / size) + 1;
    const pixels = members.map(
      (i) => Math.round((cells[i].y - y) / size) * cols + Math.round((cells[i].x - x) / size)
    );
    return { x, y, cols, rows, members: Int32Array.from(members), pixels: Int32Array.from(pixels) };
  });
}

// A layout's cells are one array for as long as the shapes stay (grid-layout.ts memoises it), so
// the lattices are worked out once per layout and cell size.
const known = new WeakMap<readonly CellPlace[], { size: number; lattices: Lattice[] }>();

/** The lattices the cells lie on (a new array only when the cells or the size change). */
export function lattices(cells: readonly CellPlace[], size: number): Lattice[] {
  const hit = known.get(cells);
  if (hit?.size === size) return hit.lattices;
  const made = latticesOf(cells, size);
  known.set(cells, { size, lattices: made });
  return made;
}

// The scales' colours are "#rrggbb" (viridis) or "rgb(r, g, b)" (the PuOr table, faded colours):
// read those directly, ~10× faster than d3.color, which a first repaint would call ~1,000 times.
const HEX = /^#([0-9a-f]{6})$/i;
const RGB = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/;
function rgbaOf(fill: string): number[] {
  const hex = HEX.exec(fill);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [n >> 16, (n >> 8) & 255, n & 255, 255];
  }
  const rgb = RGB.exec(fill);
  if (rgb) return [+rgb[1], +rgb[2], +rgb[3], 255].map((v) => Math.min(255, v));
  const c = d3color(fill)?.rgb();
  return c
    ? [c.r, c.g, c.b, c.opacity * 255].map((v) => Math.max(0, Math.min(255, Math.round(v))))
    : [0, 0, 0, 0];
}

// RGBA bytes of a CSS colour as one 32-bit pixel in the platform's byte order. The scales hand out
// a table's colours (color.ts), so a few thousand strings cover every repaint.
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const pixelOf = new Map<string, number>();
export function pixelColour(fill: string): number {
  let px = pixelOf.get(fill);
  if (px === undefined) {
    if (pixelOf.size >= 8192) pixelOf.clear();
    const [r, g, b, a] = rgbaOf(fill);
    px = littleEndian
      ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0
      : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
    pixelOf.set(fill, px);
  }
  return px;
}

const images = new WeakMap<
  HTMLCanvasElement,
  { lattice: Lattice; image: ImageData; out: Uint32Array }
>();

/** Paint the cells of `lattice` onto `canvas`, one pixel each (resized when the lattice changes). */
export function paintLattice(
  canvas: HTMLCanvasElement,
  cells: readonly CellPlace[],
  lattice: Lattice,
  p: Pick<CanvasPaint, 'data' | 'color' | 'isLinked'>
): void {
  const { cols, rows, members, pixels } = lattice;
  if (canvas.width !== cols) canvas.width = cols;
  if (canvas.height !== rows) canvas.height = rows;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  // The same lattice writes the same pixels every time, so its ImageData is kept and reused: the
  // pixels between its cells stay transparent from when it was made.
  let kept = images.get(canvas);
  if (kept?.lattice !== lattice) {
    const image = ctx.createImageData(cols, rows);
    images.set(canvas, (kept = { lattice, image, out: new Uint32Array(image.data.buffer) }));
  }
  const { image, out } = kept;
  const linked = p.isLinked;
  for (let k = 0; k < members.length; k++) {
    const flat = cells[members[k]].flat;
    const fill = p.color(p.data[flat]);
    out[pixels[k]] = pixelColour(linked === null || linked(flat) ? fill : fadedColour(fill));
  }
  ctx.putImageData(image, 0, 0);
}
