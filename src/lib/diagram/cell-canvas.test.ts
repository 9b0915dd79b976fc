// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fadedColour, paintCells, textColour, type CanvasPaint } from './cell-canvas';
import { contrast } from './color';
import { gridLayout } from './grid-layout';

/** A canvas whose 2-D context records what is drawn (happy-dom has no canvas rendering). */
function recordingCanvas() {
  const ops: { op: string; args: unknown[]; fill: string; alpha: number }[] = [];
  const ctx = {
    fillStyle: '',
    globalAlpha: 1,
    font: '',
    textAlign: '',
    textBaseline: '',
    strokeStyle: '',
    lineWidth: 1,
    beginPath: () => undefined,
    moveTo(...args: unknown[]) {
      ops.push({ op: 'moveTo', args, fill: this.strokeStyle, alpha: this.globalAlpha });
    },
    lineTo: () => undefined,
    stroke() {
      ops.push({ op: 'stroke', args: [], fill: this.strokeStyle, alpha: this.globalAlpha });
    },
    setTransform: (...args: unknown[]) =>
      ops.push({ op: 'setTransform', args, fill: '', alpha: 1 }),
    clearRect: (...args: unknown[]) => ops.push({ op: 'clearRect', args, fill: '', alpha: 1 }),
    fillRect(...args: unknown[]) {
      ops.push({ op: 'fillRect', args, fill: this.fillStyle, alpha: this.globalAlpha });
    },
    fillText(...args: unknown[]) {
      ops.push({ op: 'fillText', args, fill: this.fillStyle, alpha: this.globalAlpha });
    }
  };
  const canvas = { width: 0, height: 0, getContext: () => ctx } as unknown as HTMLCanvasElement;
  return { canvas, ops };
}

const grey = (v: number) => `rgb(${v * 40}, ${v * 40}, ${v * 40})`;
const layout = gridLayout([2, 2], 'x');
const paint = (extra: Partial<CanvasPaint> = {}): CanvasPaint => ({
  width: layout.width,
  height: layout.height,
  size: layout.cell,
  gap: 0.5,
  data: [0, 1, 2, 3.5],
  dtype: 'float32',
  color: grey,
  text: true,
  isLinked: null,
  ...extra
});

describe('paintCells', () => {
  it('fills each cell inside its gap, in its colour, and writes its value centred', () => {
    const { canvas, ops } = recordingCanvas();
    paintCells(canvas, layout.cells, paint());
    expect(canvas.width).toBe(layout.width);
    const rects = ops.filter((o) => o.op === 'fillRect');
    expect(rects).toHaveLength(4);
    const s = layout.cell;
    const { x, y } = layout.cells[3];
    expect(rects[3].args).toEqual([x + 0.5, y + 0.5, s - 1, s - 1]);
    expect(rects[3].fill).toBe(grey(3.5));
    const texts = ops.filter((o) => o.op === 'fillText');
    expect(texts.map((t) => t.args[0])).toEqual(['0', '1', '2', '3.50']);
    expect(texts[3].args.slice(1)).toEqual([x + s / 2, y + s / 2]);
    expect(texts[0].fill).toBe(textColour(grey(0)));
    expect(textColour(grey(0))).toBe('#fff');
  });

  it('fades the cells that are not linked while some are, keeping their text in contrast', () => {
    const { canvas, ops } = recordingCanvas();
    paintCells(canvas, layout.cells, paint({ isLinked: (flat) => flat === 2 }));
    const fills = ops.filter((o) => o.op === 'fillRect');
    expect(fills.map((o) => o.fill)).toEqual([
      fadedColour(grey(0)),
      fadedColour(grey(1)),
      grey(2),
      fadedColour(grey(3.5))
    ]);
    // Opaque: the text is drawn at full strength in the colour that contrasts with the faded fill.
    expect(ops.every((o) => o.alpha === 1)).toBe(true);
    const texts = ops.filter((o) => o.op === 'fillText');
    expect(texts).toHaveLength(4);
    // Texts are drawn grouped by ink: find each one's cell by its centre.
    for (const t of texts) {
      const i = layout.cells.findIndex(
        (c) => c.x + layout.cell / 2 === t.args[1] && c.y + layout.cell / 2 === t.args[2]
      );
      expect(t.fill).toBe(textColour(fills[i].fill));
      expect(contrast(t.fill, fills[i].fill)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('paints only the picked cells, each cleared first, and leaves the rest for later', () => {
    const { canvas, ops } = recordingCanvas();
    expect(paintCells(canvas, layout.cells, paint())).toBe(true);
    ops.length = 0;
    const top = (c: { y: number }) => c.y === layout.cells[0].y;
    expect(paintCells(canvas, layout.cells, paint({ data: [4, 5, 6, 7] }), top)).toBe(false);
    const s = layout.cell;
    const clears = ops.filter((o) => o.op === 'clearRect').map((o) => o.args);
    expect(clears).toEqual(layout.cells.filter(top).map((c) => [c.x, c.y, s, s]));
    expect(ops.filter((o) => o.op === 'fillText').map((t) => t.args[0])).toEqual(['4', '5']);
    ops.length = 0;
    // The rest, in the next frame: the other row only.
    paintCells(canvas, layout.cells, paint({ data: [4, 5, 6, 7] }), (c) => !top(c));
    expect(ops.filter((o) => o.op === 'fillText').map((t) => t.args[0])).toEqual(['6', '7']);
  });

  it('a resized canvas is painted whole even when only some cells are picked', () => {
    const { canvas, ops } = recordingCanvas();
    expect(paintCells(canvas, layout.cells, paint(), () => false)).toBe(true);
    expect(ops.filter((o) => o.op === 'clearRect').map((o) => o.args)).toEqual([
      [0, 0, layout.width, layout.height]
    ]);
    expect(ops.filter((o) => o.op === 'fillRect')).toHaveLength(4);
  });

  it('sets fillStyle once per distinct colour, not once per cell', () => {
    const { canvas, ops } = recordingCanvas();
    const big = gridLayout([4, 8], 'x');
    const data = Array.from({ length: 32 }, (_, i) => i % 3); // three colours, 32 cells
    paintCells(canvas, big.cells, {
      ...paint(),
      width: big.width,
      height: big.height,
      size: big.cell,
      data
    });
    const rects = ops.filter((o) => o.op === 'fillRect');
    expect(rects).toHaveLength(32);
    // Every cell is still filled in its own colour, at its own place.
    for (const r of rects) {
      const i = big.cells.findIndex((c) => c.x + 0.5 === r.args[0] && c.y + 0.5 === r.args[1]);
      expect(r.fill).toBe(grey(data[big.cells[i].flat]));
    }
    // Colour changes between consecutive fills: 3 for the cells, then 2 inks for the text.
    let changes = 0;
    ops
      .filter((o) => o.op === 'fillRect' || o.op === 'fillText')
      .forEach((o, k, all) => {
        if (k === 0 || all[k - 1].fill !== o.fill) changes++;
      });
    expect(changes).toBe(3 + new Set(data.map((v) => textColour(grey(v)))).size);
  });

  it('hatches masked cells with one diagonal in the text colour', () => {
    const { canvas, ops } = recordingCanvas();
    paintCells(canvas, layout.cells, paint({ isMasked: (flat) => flat === 1, text: false }));
    const strokes = ops.filter((o) => o.op === 'stroke');
    expect(strokes).toHaveLength(1);
    expect(strokes[0].fill).toBe(textColour(grey(1)));
    const { x, y } = layout.cells[1];
    expect(ops.find((o) => o.op === 'moveTo')?.args).toEqual([x + 0.5, y + 0.5 + layout.cell - 1]);
  });

  it('sizes the bitmap by devicePixelRatio and draws in CSS pixels', () => {
    const { canvas, ops } = recordingCanvas();
    const before = globalThis.devicePixelRatio;
    Object.defineProperty(globalThis, 'devicePixelRatio', { value: 2, configurable: true });
    try {
      paintCells(canvas, layout.cells, paint());
    } finally {
      Object.defineProperty(globalThis, 'devicePixelRatio', { value: before, configurable: true });
    }
    expect([canvas.width, canvas.height]).toEqual([2 * layout.width, 2 * layout.height]);
    expect(ops[0]).toMatchObject({ op: 'setTransform', args: [2, 0, 0, 2, 0, 0] });
  });
});
