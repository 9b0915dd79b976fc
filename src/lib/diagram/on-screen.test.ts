// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { drawCells, flushValues } from './cell-layer';
import { gridLayout } from './grid-layout';
import { OnScreen } from './on-screen';
import { cellData as paint, cellRects as rects, svgLayer as layer } from './test-cells';

describe('cells on screen first', () => {
  const layout = gridLayout([4, 3], 'x'); // 4 rows of 3 cells
  const values = (k: number) => Array.from({ length: 12 }, (_, i) => i + k);

  it('writes the picked cells at once and the rest on flushValues, with their labels', () => {
    const g = layer();
    expect(drawCells(g, layout.cells, paint(values(0)))).toBe(0);
    const shown = new OnScreen();
    shown.band = { top: 0, bottom: layout.cells[6].y }; // the first two rows meet it
    const left = drawCells(g, layout.cells, paint(values(100)), shown.cellsNear(layout.cell));
    expect(left).toBe(6);
    const cells = rects(g);
    expect(cells.map((c) => c.getAttribute('data-value'))).toEqual([
      ...['100', '101', '102', '103', '104', '105'],
      ...['6', '7', '8', '9', '10', '11']
    ]);
    expect(cells[11].getAttribute('aria-label')).toBe('x[3, 2] = 11');
    flushValues(g);
    expect(cells.map((c) => c.getAttribute('data-value'))).toEqual(
      values(100).map((v) => String(v))
    );
    expect(cells[11].getAttribute('aria-label')).toBe('x[3, 2] = 111');
  });

  it('a later change overtakes what waits: the latest values are written', () => {
    const g = layer();
    drawCells(g, layout.cells, paint(values(0)));
    drawCells(g, layout.cells, paint(values(100)), () => false);
    drawCells(g, layout.cells, paint(values(200)), () => false);
    flushValues(g);
    expect(rects(g)[11].getAttribute('data-value')).toBe('211');
    flushValues(g); // nothing waits: a no-op
    expect(rects(g)[11].getAttribute('data-value')).toBe('211');
  });

  it('only changed cells wait: a redraw with the same values leaves nothing for the next frame', () => {
    const g = layer();
    drawCells(g, layout.cells, paint(values(0)));
    expect(drawCells(g, layout.cells, paint(values(0)), () => false)).toBe(0);
    const half = values(0).map((v, i) => (i < 6 ? v : v + 50));
    expect(drawCells(g, layout.cells, paint(half), () => false)).toBe(6);
  });

  it('new elements get every value at once', () => {
    const g = layer();
    expect(drawCells(g, layout.cells, paint(values(5)), () => false)).toBe(0);
    expect(rects(g).every((c, i) => c.getAttribute('data-value') === String(i + 5))).toBe(true);
  });
});

describe('OnScreen', () => {
  it('counts everything as on screen until observed, then only rows meeting the band', () => {
    const s = new OnScreen();
    expect(s.any).toBe(true);
    expect(s.cellsNear(10)).toBeNull();
    s.band = { top: 100, bottom: 300 };
    const near100 = s.cellsNear(100)!;
    expect([
      near100({ y: 0 }),
      near100({ y: 1 }),
      near100({ y: 299 }),
      near100({ y: 300 })
    ]).toEqual([false, true, true, false]);
    // Taken now: a later band does not change the predicate already handed out.
    s.band = { top: 0, bottom: 50 };
    expect(near100({ y: 250 })).toBe(true);
    s.band = null;
    expect(s.any).toBe(false);
    expect(s.cellsNear(1e6)!({ y: 0 })).toBe(false);
  });
});
