// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { drawCells } from './cell-layer';
import { gridLayout } from './grid-layout';
import { cellData as paint, cellRects as rects, svgLayer as layer } from './test-cells';

describe('grid rows (the ARIA grid pattern)', () => {
  const layout = gridLayout([2, 2, 3], 'x'); // two slices of 2 × 3
  const data = Array.from({ length: 12 }, (_, i) => i - 6);

  it('groups focusable cells into rows of `cols`, the rows into one named rowgroup per slice', () => {
    const g = layer();
    drawCells(g, layout.cells, paint(data, { cols: 3, groups: ['x[0, :, :]', 'x[1, :, :]'] }));
    const groups = [...g.children];
    expect(groups.map((e) => [e.getAttribute('role'), e.getAttribute('aria-label')])).toEqual([
      ['rowgroup', 'x[0, :, :]'],
      ['rowgroup', 'x[1, :, :]']
    ]);
    const rows = [...g.querySelectorAll('[role="row"]')];
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.querySelectorAll('[role="gridcell"]').length === 3)).toBe(true);
    // Every gridcell's parent is a row, and the cells keep the layout's order.
    const cells = rects(g);
    expect(cells.every((c) => c.parentElement?.getAttribute('role') === 'row')).toBe(true);
    expect(cells.map((c) => c.getAttribute('data-i'))).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i))
    );
    expect(rows[3].lastElementChild?.getAttribute('data-index')).toBe('1,1,2');
  });

  it('without groups the rows sit in the layer; without cols all cells are one row', () => {
    const g = layer();
    drawCells(g, layout.cells, paint(data, { cols: 3 }));
    expect([...g.children].every((e) => e.getAttribute('role') === 'row')).toBe(true);
    const one = layer();
    drawCells(one, layout.cells, paint(data));
    expect(one.children).toHaveLength(1);
    expect(one.firstElementChild?.children).toHaveLength(12);
  });

  it('keeps rows and cells on a value change, and rebuilds them for new slice names', () => {
    const g = layer();
    const p = { cols: 3, groups: ['a', 'b'] };
    drawCells(g, layout.cells, paint(data, p));
    const row = g.querySelector('[role="row"]');
    drawCells(
      g,
      layout.cells,
      paint(
        data.map((v) => v * 2),
        p
      )
    );
    expect(g.querySelector('[role="row"]')).toBe(row);
    drawCells(g, layout.cells, paint(data, { cols: 3, groups: ['c', 'd'] }));
    expect(g.querySelector('[role="row"]')).not.toBe(row);
    expect(g.firstElementChild?.getAttribute('aria-label')).toBe('c');
  });

  it('plain marks get no rows', () => {
    const g = layer();
    drawCells(g, layout.cells, paint(data, { focusable: false, cols: 3 }));
    expect(g.querySelector('[role]')).toBeNull();
    expect(g.children).toHaveLength(12);
  });
});
