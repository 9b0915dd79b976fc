/**
 * Value colours for tensors. Colour-blind-safe scales (viridis for one-signed data, PuOr — purple
 * to orange — for signed data, symmetric about 0) and cell text that stays readable on them.
 */
import {
  color as d3color,
  interpolatePuOr,
  interpolateViridis,
  scaleDiverging,
  scaleSequential
} from 'd3';

export interface ValueScale {
  color: (v: number) => string;
  domain: [number, number];
  signed: boolean;
}

export function valueScale(data: ArrayLike<number>): ValueScale {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (lo < 0 && hi > 0) {
    const m = Math.max(-lo, hi);
    // d3 runs PuOr from purple (0) to orange (1); reversed, negative is orange and positive purple.
    const s = scaleDiverging((t: number) => interpolatePuOr(1 - t)).domain([-m, 0, m]);
    const lut = puOrTable();
    const last = lut.length - 1;
    // The table, not the spline: the spline builds a new colour string per call, which was most of
    // the time to repaint 1,536 cells (/window-attention); NaN keeps d3's answer.
    const color = (v: number) =>
      Number.isNaN(v) ? s(v) : lut[Math.round(Math.min(1, Math.max(0, (v + m) / (2 * m))) * last)];
    return { color, domain: [-m, m], signed: true };
  }
  const s = scaleSequential(interpolateViridis).domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]);
  return { color: (v) => s(v), domain: [lo, hi], signed: false };
}

/**
 * Reversed PuOr sampled at this many evenly spaced points: neighbours differ by at most one step of
 * 8-bit colour, so the quantisation cannot be seen (viridis is a 256-colour table in d3 itself).
 */
export const PUOR_STEPS = 1024;
let puOr: string[] | null = null;
function puOrTable(): string[] {
  puOr ??= Array.from({ length: PUOR_STEPS }, (_, i) => interpolatePuOr(1 - i / (PUOR_STEPS - 1)));
  return puOr;
}

/** WCAG relative luminance of a CSS colour (0 black … 1 white); unparsable colours count as black. */
export function luminance(colour: string): number {
  const c = d3color(colour)?.rgb();
  if (!c) return 0;
  const lin = (u: number) => {
    const s = u / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG contrast ratio of two colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white text, whichever contrasts more with the cell colour (WCAG luminance). The better
 * of the two is always at least 4.58:1, so values drawn on any fill meet WCAG AA (1.4.3).
 */
export function textOn(background: string): string {
  if (!d3color(background)) return '#000';
  return luminance(background) > 0.179 ? '#000' : '#fff';
}

/** Short text for a cell: integers as is, floats to 2 decimals, tiny non-zeros in exponent form. */
export function formatValue(v: number, dtype: 'float32' | 'int32'): string {
  if (dtype === 'int32' || Number.isInteger(v)) return String(v);
  if (v !== 0 && Math.abs(v) < 0.005) return v.toExponential(0);
  return v.toFixed(2);
}
