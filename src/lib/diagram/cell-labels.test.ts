// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { activateCell, cellLabel, drawCells } from './cell-layer';
import { gridLayout } from './grid-layout';
import { cellData as paint, cellRects as rects, svgLayer as layer } from './test-cells';

describe('cell labels', () => {
  const layout = gridLayout([2, 2, 3], 'x'); // two slices of 2 × 3
  const data = Array.from({ length: 12 }, (_, i) => i - 6);

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

  it('relabels when the dtype changes, even with equal values', () => {
    const m = gridLayout([2], 'm');
    const g = layer();
    drawCells(g, m.cells, paint([1.5, 2], { name: 'm' }));
    expect(rects(g)[0].getAttribute('aria-label')).toBe('m[0] = 1.50');
    drawCells(g, m.cells, paint([1.5, 2], { name: 'm', dtype: 'int32' }));
    expect(rects(g)[0].getAttribute('aria-label')).toBe('m[0] = 1.5');
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
