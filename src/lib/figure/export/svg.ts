/**
 * A tensor drawing as a standalone SVG file: the cells as the page lays them out (same layout,
 * same colours), their values where they fit, facet labels, the name and shape, and the colour
 * legend. Plain SVG 1.1 with inline attributes (no CSS variables, no canvas), so Inkscape and
 * Illustrator open it as editable vector shapes.
 */
export interface SvgCell {
  x: number;
  y: number;
  index: readonly number[];
  value: number;
}

export interface TensorSvg {
  name: string;
  shape: readonly number[];
  /** Dim names, written under the title. */
  dims?: readonly string[];
  caption?: string;
  cells: readonly SvgCell[];
  facets?: readonly { x: number; y: number; label: string }[];
  /** Cell side and the drawing's size, in px, as on the page. */
  size: number;
  width: number;
  height: number;
  color: (v: number) => string;
  textColor: (fill: string) => string;
  format: (v: number) => string;
  /** Draw the values in the cells (the page draws them only where they fit). */
  showText: boolean;
  legend: { domain: [number, number]; signed: boolean };
  /** The page's colours at export time (light or dark theme). */
  page: { bg: string; ink: string; inkSoft: string; font: string; mono: string };
  /** A note when not every facet is drawn (the data files carry everything). */
  note?: string;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => String(Math.round(v * 100) / 100);

const TOP = 44; // title and dims
const LEGEND = 46;
const PAD = 12;

export function tensorSvg(t: TensorSvg): string {
  const width = Math.max(t.width, 220) + 2 * PAD;
  const height = TOP + t.height + LEGEND + (t.note ? 16 : 0) + PAD;
  const font = esc(t.page.font);
  const mono = esc(t.page.mono);
  const out: string[] = [];
  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}">`,
    `<title>${esc(t.name)} [${t.shape.join(', ')}]</title>`,
    `<rect width="100%" height="100%" fill="${esc(t.page.bg)}"/>`,
    `<text x="${PAD}" y="20" font-family="${mono}" font-size="15" font-weight="700" fill="${esc(t.page.ink)}">${esc(t.name)} [${t.shape.join(', ')}]</text>`
  );
  const sub = [t.dims?.length ? `(${t.dims.join(', ')})` : '', t.caption ?? ''].filter(Boolean);
  if (sub.length)
    out.push(
      `<text x="${PAD}" y="36" font-family="${font}" font-size="11" fill="${esc(t.page.inkSoft)}">${esc(sub.join('  '))}</text>`
    );
  out.push(`<g transform="translate(${PAD} ${TOP})">`);
  for (const f of t.facets ?? [])
    out.push(
      `<text x="${n(f.x)}" y="${n(f.y - 5)}" font-family="${mono}" font-size="11" fill="${esc(t.page.inkSoft)}">${esc(f.label)}</text>`
    );
  // One group per cell, with its index and value as data attributes, so a script can read it back.
  const inner = Math.max(t.size - 1, 0.5);
  for (const c of t.cells) {
    const fill = t.color(c.value);
    out.push(
      `<g data-index="${c.index.join(',')}" data-value="${c.value}"><rect x="${n(c.x + 0.5)}" y="${n(c.y + 0.5)}" width="${n(inner)}" height="${n(inner)}" fill="${esc(fill)}"/>` +
        (t.showText
          ? `<text x="${n(c.x + t.size / 2)}" y="${n(c.y + t.size / 2)}" font-family="${mono}" font-size="10" text-anchor="middle" dominant-baseline="central" fill="${esc(t.textColor(fill))}">${esc(t.format(c.value))}</text>`
          : '') +
        '</g>'
    );
  }
  out.push('</g>', legend(t, TOP + t.height + 14));
  if (t.note)
    out.push(
      `<text x="${PAD}" y="${n(height - PAD)}" font-family="${font}" font-size="11" fill="${esc(t.page.inkSoft)}">${esc(t.note)}</text>`
    );
  out.push('</svg>', '');
  return out.join('\n');
}

function legend(t: TensorSvg, y: number): string {
  const [lo, hi] = t.legend.domain;
  const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));
  const stops = Array.from({ length: 11 }, (_, i) => {
    const v = lo + (i / 10) * (hi - lo);
    return `<stop offset="${i / 10}" stop-color="${esc(t.color(v))}"/>`;
  }).join('');
  const text = (x: number, anchor: string, s: string) =>
    `<text x="${x}" y="${y + 26}" font-family="${esc(t.page.font)}" font-size="11" text-anchor="${anchor}" fill="${esc(t.page.inkSoft)}">${esc(s)}</text>`;
  return [
    `<g transform="translate(${PAD} 0)">`,
    `<defs><linearGradient id="legend-gradient">${stops}</linearGradient></defs>`,
    `<rect x="0" y="${y}" width="180" height="10" fill="url(#legend-gradient)"/>`,
    text(0, 'start', fmt(lo)),
    t.legend.signed ? text(90, 'middle', '0') : '',
    text(180, 'end', fmt(hi)),
    '</g>'
  ].join('');
}
