// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { lattices, paintLattice, pixelColour } from './cell-pixels';
import { fadedColour } from './cell-canvas';
import { defaultGrid, gridLayout } from './grid-layout';

/** A canvas whose context keeps the last image put (happy-dom has no canvas rendering). */
function imageCanvas() {
  const put: { image: ImageData | null; made: number } = { image: null, made: 0 };
  const ctx = {
    createImageData: (w: number, h: number) => (
      put.made++,
      { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) } as unknown as ImageData
    ),
    putImageData: (image: ImageData) => (put.image = image)
  };
  const canvas = { width: 0, height: 0, getContext: () => ctx } as unknown as HTMLCanvasElement;
  return { canvas, put };
}
const rgba = (image: ImageData, pixel: number) =>
  Array.from(image.data.slice(4 * pixel, 4 * pixel + 4));

describe('lattices', () => {
  it('one lattice per facet placed off the cell pitch, pixels row-major within it', () => {
    // [2, 3, 4]: two facets of 3×4 cells, side by side with a gap that is not a whole cell.
    const layout = gridLayout([2, 3, 4], 'x', defaultGrid(3), { cell: 20, gap: 10 });
    const [a, b] = lattices(layout.cells, 20);
    expect([a.cols, a.rows, b.cols, b.rows]).toEqual([4, 3, 4, 3]);
    expect(b.x - a.x).toBe(layout.facets[1].x - layout.facets[0].x);
    expect((b.x - a.x) % 20).not.toBe(0);
    expect(Array.from(a.members)).toEqual([...Array(12).keys()]);
    expect(Array.from(a.pixels)).toEqual([...Array(12).keys()]);
    expect(Array.from(b.members)).toEqual([...Array(12).keys()].map((i) => i + 12));
  });

  it('cells a whole number of cells apart share one lattice; the space between stays empty', () => {
    const cells = [
      { flat: 0, index: [0], x: 0, y: 0 },
      { flat: 1, index: [1], x: 30, y: 10 }
    ];
    const [l, ...rest] = lattices(cells, 10);
    expect(rest).toEqual([]);
    expect([l.x, l.y, l.cols, l.rows]).toEqual([0, 0, 4, 2]);
    expect(Array.from(l.pixels)).toEqual([0, 7]);
  });

  it('is worked out once per cells array and size', () => {
    const { cells } = gridLayout([3, 3], 'x', defaultGrid(2), { cell: 12 });
    expect(lattices(cells, 12)).toBe(lattices(cells, 12));
    expect(lattices(cells, 6)).not.toBe(lattices(cells, 12));
  });
});

// Black, red, green, blue for the values 0–3.
const color = (v: number) => ['#000000', '#ff0000', '#00ff00', '#0000ff'][v];

describe('paintLattice', () => {
  it('one pixel per cell in the colour of its value, faded when others are linked', () => {
    const { cells } = gridLayout([2, 2], 'x', defaultGrid(2), { cell: 12 });
    const [l] = lattices(cells, 12);
    const { canvas, put } = imageCanvas();
    paintLattice(canvas, cells, l, { data: [0, 1, 2, 3], color, isLinked: null });
    expect([canvas.width, canvas.height]).toEqual([2, 2]);
    expect([0, 1, 2, 3].map((i) => rgba(put.image!, i))).toEqual([
      [0, 0, 0, 255],
      [255, 0, 0, 255],
      [0, 255, 0, 255],
      [0, 0, 255, 255]
    ]);
    paintLattice(canvas, cells, l, { data: [0, 1, 2, 3], color, isLinked: (f) => f === 1 });
    expect(rgba(put.image!, 1)).toEqual([255, 0, 0, 255]);
    const faded = new Uint8ClampedArray(
      new Uint32Array([pixelColour(fadedColour('#0000ff'))]).buffer
    );
    expect(rgba(put.image!, 3)).toEqual(Array.from(faded));
    expect(rgba(put.image!, 3)).not.toEqual([0, 0, 255, 255]);
  });

  it('a canvas repainted on the same lattice reuses its ImageData; a new lattice makes one', () => {
    const { cells } = gridLayout([2, 2], 'x', defaultGrid(2), { cell: 12 });
    const [l] = lattices(cells, 12);
    const { canvas, put } = imageCanvas();
    paintLattice(canvas, cells, l, { data: [0, 1, 2, 3], color, isLinked: null });
    paintLattice(canvas, cells, l, { data: [3, 2, 1, 0], color, isLinked: null });
    expect(put.made).toBe(1);
    expect(rgba(put.image!, 0)).toEqual([0, 0, 255, 255]);
    const wider = gridLayout([2, 3], 'x', defaultGrid(2), { cell: 12 });
    paintLattice(canvas, wider.cells, lattices(wider.cells, 12)[0], {
      data: [0, 1, 2, 3, 0, 1],
      color,
      isLinked: null
    });
    expect(put.made).toBe(2);
    expect([canvas.width, canvas.height]).toEqual([3, 2]);
  });

  it('pixelColour reads rgb() and hex alike, and an unreadable colour is transparent', () => {
    const bytes = (c: string) =>
      Array.from(new Uint8Array(new Uint32Array([pixelColour(c)]).buffer));
    expect(bytes('rgb(12, 34, 56)')).toEqual([12, 34, 56, 255]);
    expect(bytes('#0c2238')).toEqual([12, 34, 56, 255]);
    expect(bytes('rgb(12,34,56)')).toEqual([12, 34, 56, 255]);
    expect(bytes('#0C2238')).toEqual([12, 34, 56, 255]);
    // Other forms go through d3.color: named colours, alpha.
    expect(bytes('steelblue')).toEqual([70, 130, 180, 255]);
    expect(bytes('rgba(12, 34, 56, 0.5)')).toEqual([12, 34, 56, 128]);
    expect(bytes('not a colour')).toEqual([0, 0, 0, 0]);
  });
});
