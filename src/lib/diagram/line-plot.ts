/**
 * Pure scales and paths for a small line plot (d3 computes, Svelte draws): series of (x, y) points
 * on a linear x axis and a log y axis. Unit-tested; no DOM.
 */
import { line, scaleLinear, scaleLog } from 'd3';

export interface Series {
  name: string;
  points: { x: number; y: number }[];
}
export interface PlotOptions {
  width?: number;
  height?: number;
  margin?: { top: number; right: number; bottom: number; left: number };
}

/** Smallest vertical distance between two end labels, in px. */
export const LABEL_GAP = 13;

export function linePlot(series: Series[], opts: PlotOptions = {}) {
  const { width = 520, height = 260 } = opts;
  const m = opts.margin ?? { top: 12, right: 110, bottom: 36, left: 64 };
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y).filter((y) => y > 0);
  const x = scaleLinear()
    .domain([Math.min(...xs), Math.max(...xs)])
    .range([m.left, width - m.right]);
  const y = scaleLog()
    .domain([Math.min(...ys), Math.max(...ys)])
    .range([height - m.bottom, m.top])
    .nice();
  const path = line<{ x: number; y: number }>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const paths = series.map((s) => {
    const last = s.points[s.points.length - 1];
    return { name: s.name, d: path(s.points) ?? '', labelX: x(last.x) + 6, labelY: y(last.y) };
  });
  // End labels of close series are pushed apart so they never overlap.
  const byY = [...paths].sort((a, b) => a.labelY - b.labelY);
  for (let i = 1; i < byY.length; i++)
    byY[i].labelY = Math.max(byY[i].labelY, byY[i - 1].labelY + LABEL_GAP);
  return {
    width,
    height,
    margin: m,
    paths,
    // Up to 6, one per 40 px of axis: three-digit labels (~20 px at 11 px) keep apart on a phone.
    xTicks: x
      .ticks(Math.max(2, Math.min(6, Math.floor((width - m.left - m.right) / 40))))
      .map((v) => ({ v, pos: x(v) })),
    yTicks: y
      .ticks(4)
      .filter((v) => Number.isInteger(Math.log10(v)))
      .map((v) => ({ v, pos: y(v) })),
    x,
    y
  };
}
