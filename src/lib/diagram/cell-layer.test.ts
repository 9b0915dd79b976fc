// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { activateCell, drawCells, markLinked } from './cell-layer';
import { gridLayout } from './grid-layout';
import { cellData as paint, cellRects as rects, svgLayer as layer } from './test-cells';

describe('drawCells', () => {
  const layout = gridLayout([2, 3], 'x');

  it('draws one cell per layout cell with the DOM contract', () => {
    const g = layer();
    drawCells(g, layout.cells, paint([0, 1, 2, 3, 4, 5.25]));
    const cells = rects(g);
    expect(cells).toHaveLength(6);
    expect(cells[5].getAttribute('data-index')).toBe('1,2');
    expect(cells[5].getAttribute('data-value')).toBe('5.25');
    expect(cells[5].getAttribute('aria-label')).toBe('x[1, 2] = 5.25');
    expect(cells[5].getAttribute('role')).toBe('gridcell');
    expect(cells.map((c) => c.getAttribute('tabindex'))).toEqual([
      '0',
      '-1',
      '-1',
      '-1',
      '-1',
      '-1'
    ]);
    expect(cells[5].getAttribute('x')).toBe(String(layout.cells[5].x));
    expect(cells[5].getAttribute('y')).toBe(String(layout.cells[5].y));
    expect(cells[5].getAttribute('width')).toBe(String(layout.cell));
  });

  it('keeps the elements when only values change, and rewrites only what changed', () => {
    const g = layer();
    drawCells(g, layout.cells, paint([0, 1, 2, 3, 4, 5]));
    const before = rects(g);
    before[0].setAttribute('data-probe', 'kept');
    drawCells(g, layout.cells, paint([0, 1, 2, 3, 4, 9]));
    const after = rects(g);
    expect(after[0]).toBe(before[0]);
    expect(after[0].getAttribute('data-probe')).toBe('kept');
    expect(after[5].getAttribute('data-value')).toBe('9');
    expect(after[5].getAttribute('aria-label')).toBe('x[1, 2] = 9');
  });

  it('writes a value only when it changed: NaN stays NaN, a mask flip counts', () => {
    const g = layer();
    const mask = new Set<number>();
    const at = (data: number[]) => paint(data, { masked: (f) => mask.has(f) });
    drawCells(g, layout.cells, at([NaN, 0, 2, 3, 4, 5]));
    const cells = rects(g);
    expect(cells[0].getAttribute('data-value')).toBe('NaN');
    // Marks that only a write would replace (through the Attr node, as drawCells writes).
    for (const c of cells) c.getAttributeNode('data-value')!.value = 'untouched';
    mask.add(2);
    drawCells(g, layout.cells, at([NaN, 1, 2, 3, 4, 7]));
    expect(cells.map((c) => c.getAttribute('data-value'))).toEqual([
      'untouched',
      '1',
      '2', // masked now: rewritten, and its label says so
      'untouched',
      'untouched',
      '7'
    ]);
    expect(cells[2].getAttribute('aria-label')).toBe('x[0, 2] = 2, masked');
  });

  it('rebuilds for a new layout and keeps the linked cells outlined', () => {
    const g = layer();
    drawCells(g, layout.cells, paint([0, 1, 2, 3, 4, 5]));
    markLinked(g, (flat) => flat === 1);
    const wider = gridLayout([2, 4], 'x');
    drawCells(g, wider.cells, paint([0, 1, 2, 3, 4, 5, 6, 7]));
    const cells = rects(g);
    expect(cells).toHaveLength(8);
    expect(
      cells.filter((c) => c.classList.contains('linked')).map((c) => c.getAttribute('data-index'))
    ).toEqual(['0,1']);
  });

  it('plain marks have no role, label or tabindex', () => {
    const g = layer();
    drawCells(g, layout.cells, paint([0, 1, 2, 3, 4, 5], { focusable: false }));
    const [first] = rects(g);
    expect(first.hasAttribute('role')).toBe(false);
    expect(first.hasAttribute('aria-label')).toBe(false);
    expect(first.hasAttribute('tabindex')).toBe(false);
    expect(first.getAttribute('data-value')).toBe('0');
  });
});

describe('markLinked and activateCell', () => {
  const layout = gridLayout([3], 'v');

  it('toggles .linked and aria-selected on the cells the predicate picks, and clears them', () => {
    const g = layer();
    drawCells(g, layout.cells, paint([7, 8, 9], { name: 'v' }));
    markLinked(g, (flat) => flat !== 1);
    expect(rects(g).map((r) => r.getAttribute('aria-selected'))).toEqual(['true', 'false', 'true']);
    expect(g.querySelectorAll('rect.linked')).toHaveLength(2);
    markLinked(g, null);
    expect(g.querySelectorAll('rect.linked')).toHaveLength(0);
    expect(rects(g).every((r) => r.getAttribute('aria-selected') === 'false')).toBe(true);
  });

  it('moves the single tab stop', () => {
    const g = layer();
    drawCells(g, layout.cells, paint([7, 8, 9], { name: 'v' }));
    expect(activateCell(g, 2)?.getAttribute('data-index')).toBe('2');
    expect(rects(g).map((r) => r.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
    expect(activateCell(g, 99)).toBeUndefined();
    expect(rects(g).map((r) => r.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
  });

  it('keeps keyboard focus on the same index when the cells are rebuilt', () => {
    const g = layer();
    document.body.append(document.createElementNS(g.namespaceURI, 'svg'));
    document.body.lastElementChild!.append(g);
    drawCells(g, layout.cells, paint([7, 8, 9], { name: 'v' }));
    activateCell(g, 1)?.focus();
    expect(document.activeElement?.getAttribute('data-index')).toBe('1');
    const longer = gridLayout([4], 'v');
    drawCells(g, longer.cells, paint([7, 8, 9, 10], { name: 'v' }));
    expect(rects(g)).toHaveLength(4);
    expect(document.activeElement).toBe(rects(g)[1]);
    expect(rects(g).map((r) => r.getAttribute('tabindex'))).toEqual(['-1', '0', '-1', '-1']);
    document.body.innerHTML = '';
  });
});

describe('numbering', () => {
  const layout = gridLayout([2], 'm');

  it('numbers data-i from `first`, so layers of one figure do not repeat indices', () => {
    const g = layer();
    drawCells(g, layout.cells, paint([1, 2], { focusable: false, first: 10 }));
    expect(rects(g).map((r) => r.getAttribute('data-i'))).toEqual(['10', '11']);
  });
});
