/**
 * Pure layout of a log–log line plot (cost against image side): d3 scales and paths in, positioned
 * marks out. No DOM; unit-tested. Colours come from `color.ts` (viridis stops, colour-blind safe),
 * and each series also has its own dash pattern so colour is never the only cue.
 */
import { line, scaleLog } from 'd3';
import { valueScale } from './color';

export interface PlotSeries {
  id: string;
  label: string;
  /** One value per x; must be > 0 on a log axis. */
  values: number[];
}
export interface PlotPoint {
  x: number;
  y: number;
  xValue: number;
  value: number;
}
export interface PlotLine {
  id: string;
  label: string;
  d: string;
  color: string;
  dash: string;
  points: PlotPoint[];
}
export interface PlotTick {
  pos: number;
  label: string;
}
export interface PlotLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  lines: PlotLine[];
  xTicks: PlotTick[];
  yTicks: PlotTick[];
  /** Position of any (x, value) pair, for marks added on top (e.g. measured points). */
  at: (xValue: number, value: number) => { x: number; y: number };
}

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10⁶-style label for a power of ten. */
export function powerOfTen(v: number): string {
  const e = Math.round(Math.log10(v));
  const digits = String(Math.abs(e))
    .split('')
    .map((d) => SUP[Number(d)])
    .join('');
  return `10${e < 0 ? '⁻' : ''}${digits}`;
}

const DASHES = ['', '6 4', '2 3', '8 3 2 3'];

export function plotLayout(
  xs: readonly number[],
  series: readonly PlotSeries[],
  opts: { width?: number; height?: number } = {}
): PlotLayout {
  const { width = 420, height = 260 } = opts;
  const margin = { top: 12, right: 16, bottom: 36, left: 56 };
  const all = series.flatMap((s) => s.values).filter((v) => v > 0);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const x = scaleLog()
    .domain([Math.min(...xs), Math.max(...xs)])
    .range([margin.left, width - margin.right]);
  const yLo = 10 ** Math.floor(Math.log10(lo));
  const yHi = 10 ** Math.ceil(Math.log10(hi === lo ? hi * 10 : hi));
  const y = scaleLog()
    .domain([yLo, yHi])
    .range([height - margin.bottom, margin.top]);
  const palette = valueScale([0, Math.max(series.length - 1, 1)]);
  const path = line<PlotPoint>()
    .x((p) => p.x)
    .y((p) => p.y);
  const lines = series.map((s, i) => {
    const points = s.values.map((value, k) => ({ x: x(xs[k]), y: y(value), xValue: xs[k], value }));
    return {
      id: s.id,
      label: s.label,
      d: path(points) ?? '',
      // Viridis without its brightest end, which is hard to see on a light background.
      color: palette.color(i * 0.75),
      dash: DASHES[i % DASHES.length],
      points
    };
  });
  const decades = Math.round(Math.log10(yHi / yLo));
  const every = Math.max(1, Math.ceil(decades / 6));
  const yTicks: PlotTick[] = [];
  for (let e = 0; e <= decades; e += every) {
    const v = yLo * 10 ** e;
    yTicks.push({ pos: y(v), label: powerOfTen(v) });
  }
  const xTicks = xs.map((v) => ({ pos: x(v), label: String(v) }));
  return { width, height, margin, lines, xTicks, yTicks, at: (a, b) => ({ x: x(a), y: y(b) }) };
}
