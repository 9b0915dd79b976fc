/**
 * What the cell-layer tests draw into and read back: an SVG `<g>`, a tensor's cell data (a `[…]`
 * named `x` by default, 34 px cells, focusable), and the cells drawn. For happy-dom unit tests.
 */
import type { CellData } from './cell-layer';

const SVG = 'http://www.w3.org/2000/svg';

export const svgLayer = () => document.createElementNS(SVG, 'g') as SVGGElement;

export const cellData = (data: number[], extra: Partial<CellData> = {}): CellData => ({
  name: 'x',
  size: 34,
  data,
  dtype: 'float32',
  focusable: true,
  ...extra
});

export const cellRects = (g: SVGGElement) => [...g.querySelectorAll('rect.cell')];
