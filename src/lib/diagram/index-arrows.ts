/**
 * Pure layout of a hard-attention index drawn as arrows: a source grid (e.g. reference positions)
 * on the left, a target grid (e.g. LR positions) on the right, and one arrow per target cell j from
 * source cell index[j]. Sizes and the index in, positions out; no DOM.
 */
export interface ArrowLayout {
  cell: number;
  gap: number;
  width: number;
  height: number;
  source: { i: number; x: number; y: number }[];
  target: { j: number; x: number; y: number }[];
  arrows: { j: number; from: number; x1: number; y1: number; x2: number; y2: number }[];
}

export function arrowLayout(
  src: { rows: number; cols: number },
  dst: { rows: number; cols: number },
  index: ArrayLike<number>,
  opts: { cell?: number; gap?: number } = {}
): ArrowLayout {
  const { cell = 16, gap = 120 } = opts;
  const ox = src.cols * cell + gap;
  const source = Array.from({ length: src.rows * src.cols }, (_, i) => ({
    i,
    x: (i % src.cols) * cell,
    y: Math.floor(i / src.cols) * cell
  }));
  const target = Array.from({ length: dst.rows * dst.cols }, (_, j) => ({
    j,
    x: ox + (j % dst.cols) * cell,
    y: Math.floor(j / dst.cols) * cell
  }));
  const arrows = target.map((t) => {
    const s = source[index[t.j]];
    if (!s)
      throw new Error(
        `index[${t.j}] = ${index[t.j]} is not a source cell (0–${source.length - 1})`
      );
    return {
      j: t.j,
      from: index[t.j],
      x1: s.x + cell / 2,
      y1: s.y + cell / 2,
      x2: t.x + cell / 2,
      y2: t.y + cell / 2
    };
  });
  return {
    cell,
    gap,
    width: ox + dst.cols * cell,
    height: Math.max(src.rows, dst.rows) * cell,
    source,
    target,
    arrows
  };
}
