/**
 * The ARIA grid pattern for a tensor's focusable cells (cell-layer.ts): `<g role="row">` of `cols`
 * cells, the rows optionally in one `<g role="rowgroup" aria-label>` per slice.
 */
const SVG = 'http://www.w3.org/2000/svg';

function group(role: string, children: readonly Element[], label?: string): SVGGElement {
  const g = document.createElementNS(SVG, 'g');
  g.setAttribute('role', role);
  if (label) g.setAttribute('aria-label', label);
  g.append(...children);
  return g;
}

/** Focusable cells in rows of `cols`, the rows in one rowgroup per label of `groups`. */
export function gridRows(
  rects: readonly SVGRectElement[],
  p: { cols?: number; groups?: readonly string[] }
): SVGGElement[] {
  const cols = Math.max(1, p.cols ?? rects.length);
  const rows: SVGGElement[] = [];
  for (let k = 0; k < rects.length; k += cols) rows.push(group('row', rects.slice(k, k + cols)));
  const labels = p.groups ?? [];
  if (labels.length === 0) return rows;
  const per = Math.ceil(rows.length / labels.length);
  return labels.map((label, k) => group('rowgroup', rows.slice(k * per, (k + 1) * per), label));
}
