// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FADED, paintCells, textColour, type CanvasPaint } from './cell-canvas';
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

  it('fades the cells that are not linked while some are', () => {
    const { canvas, ops } = recordingCanvas();
    paintCells(canvas, layout.cells, paint({ isLinked: (flat) => flat === 2, text: false }));
    expect(ops.filter((o) => o.op === 'fillRect').map((o) => o.alpha)).toEqual([
      FADED,
      FADED,
      1,
      FADED
    ]);
    expect(ops.some((o) => o.op === 'fillText')).toBe(false);
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
