// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { activateCell, cellLabel, drawCells, markLinked, type CellData } from './cell-layer';
import { gridLayout } from './grid-layout';

const SVG = 'http://www.w3.org/2000/svg';
const layer = () => document.createElementNS(SVG, 'g') as SVGGElement;
const paint = (data: number[], extra: Partial<CellData> = {}): CellData => ({
  name: 'x',
  size: 34,
  data,
  dtype: 'float32',
  focusable: true,
  ...extra
});
const rects = (g: SVGGElement) => [...g.querySelectorAll('rect.cell')];

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
    document.body.append(g.ownerDocument.createElementNS(SVG, 'svg'));
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

describe('labels and numbering', () => {
  const layout = gridLayout([2], 'm');

  it('relabels when the dtype changes, even with equal values', () => {
    const g = layer();
    drawCells(g, layout.cells, paint([1.5, 2], { name: 'm' }));
    expect(rects(g)[0].getAttribute('aria-label')).toBe('m[0] = 1.50');
    drawCells(g, layout.cells, paint([1.5, 2], { name: 'm', dtype: 'int32' }));
    expect(rects(g)[0].getAttribute('aria-label')).toBe('m[0] = 1.5');
  });

  it('numbers data-i from `first`, so layers of one figure do not repeat indices', () => {
    const g = layer();
    drawCells(g, layout.cells, paint([1, 2], { focusable: false, first: 10 }));
    expect(rects(g).map((r) => r.getAttribute('data-i'))).toEqual(['10', '11']);
  });
});

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

  it('labels say minus as U+2212 and name masked cells; a mask change relabels', () => {
    expect(cellLabel('attn_mask', [8, 0, 2], -100, 'float32')).toBe('attn_mask[8, 0, 2] = −100');
    expect(cellLabel('attn', [0, 1], 2e-44, 'float32', true)).toBe('attn[0, 1] = 2e-44, masked');
    const g = layer();
    const mask = new Set([1]);
    drawCells(g, layout.cells, paint(data, { cols: 3, masked: (f) => mask.has(f) }));
    expect(rects(g)[1].getAttribute('aria-label')).toBe('x[0, 0, 1] = −5, masked');
    expect(rects(g)[1].getAttribute('data-value')).toBe('-5');
    mask.clear();
    drawCells(g, layout.cells, paint(data, { cols: 3, masked: (f) => mask.has(f) }));
    expect(rects(g)[1].getAttribute('aria-label')).toBe('x[0, 0, 1] = −5');
  });
});

describe('labels of large changes', () => {
  const big = gridLayout([40, 40], 'x'); // 1,600 cells > LABELS_IN_FRAME
  const values = (k: number) => Array.from({ length: 1600 }, (_, i) => i + k);
  const idle = () => new Promise((r) => setTimeout(r, 20));

  it('writes data-value in the frame, the focused label at once, the rest in idle time', async () => {
    const g = layer();
    drawCells(g, big.cells, paint(values(0)));
    await idle();
    await idle();
    const cells = rects(g);
    expect(cells[1599].getAttribute('aria-label')).toBe('x[39, 39] = 1599');
    drawCells(g, big.cells, paint(values(10000)));
    expect(cells[1599].getAttribute('data-value')).toBe('11599');
    expect(cells[0].getAttribute('aria-label')).toBe('x[0, 0] = 10000'); // the active cell
    expect(cells[1599].getAttribute('aria-label')).toBe('x[39, 39] = 1599'); // not yet
    for (let k = 0; k < 5; k++) await idle();
    expect(cells[1599].getAttribute('aria-label')).toBe('x[39, 39] = 11599');
  });

  it('a cell reached by the keyboard is labelled before it is announced', () => {
    const g = layer();
    drawCells(g, big.cells, paint(values(0)));
    drawCells(g, big.cells, paint(values(5)));
    const cell = activateCell(g, 1234)!;
    expect(cell.getAttribute('aria-label')).toBe('x[30, 34] = 1239');
  });
});
