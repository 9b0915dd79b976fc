/**
 * Parameters of /relative-position-bias: `window_size` (square `3`, or non-square `Wh x Ww` as
 * `2x3`), `num_heads` and the `seed` of the bias table. The validated values carry `Wh` and `Ww`
 * beside `window_size`, so the trace never parses text.
 */
import {
  parseParams,
  SEED_SPEC,
  type ParamSpec,
  type ParamValues,
  type Parsed,
  type Query
} from '$lib/figure/params';

/** Largest window side: N = Wh·Ww tokens give N×N maps; 8×8 (SwinIR's window) is 64×64. */
export const MAX_SIDE = 8;
const DEFAULT_SIDE = 3;

/** `3` for a square window, `2x3` otherwise (the form the URL and the control accept). */
export function formatWindowSize(values: ParamValues): string {
  const { Wh, Ww } = values;
  return Wh === Ww ? String(Wh) : `${Wh}x${Ww}`;
}

export const relativePositionSpecs: ParamSpec[] = [
  {
    name: 'window_size',
    label: 'window_size (3 or 2x3)',
    min: 1,
    max: MAX_SIDE,
    default: DEFAULT_SIDE,
    format: formatWindowSize
  },
  { name: 'num_heads', label: 'num_heads', min: 1, max: 4, default: 2 },
  { ...SEED_SPEC, label: 'seed (table)' }
];

const FORMS =
  'write one whole number for a square window (window_size=3) or Wh x Ww for a non-square one (window_size=2x3)';

/**
 * Parse `window_size`: `3`, `2x3`, `2×3`, `2*3` or `2,3` (spaces allowed). Each side must be a whole
 * number from 1 to {@link MAX_SIDE}; anything else keeps what can be kept and says why.
 */
export function parseWindowSize(raw: string | undefined): {
  Wh: number;
  Ww: number;
  message?: string;
} {
  if (raw === undefined || raw.trim() === '') return { Wh: DEFAULT_SIDE, Ww: DEFAULT_SIDE };
  const text = raw.trim();
  const m = /^(\S+?)\s*(?:[x×X*,]\s*(\S+))?$/.exec(text);
  const parts = m ? [m[1], m[2] ?? m[1]] : [];
  const nums = parts.map(Number);
  if (parts.length !== 2 || !nums.every((n) => Number.isInteger(n))) {
    return {
      Wh: DEFAULT_SIDE,
      Ww: DEFAULT_SIDE,
      message: `window_size="${text}" is not a window size: ${FORMS}. Using the default ${DEFAULT_SIDE}.`
    };
  }
  const clamp = (n: number) => Math.min(MAX_SIDE, Math.max(1, n));
  const [Wh, Ww] = nums.map(clamp);
  if (Wh !== nums[0] || Ww !== nums[1]) {
    const fixed = formatWindowSize({ Wh, Ww });
    return {
      Wh,
      Ww,
      message:
        `window_size=${text}: each side must be from 1 to ${MAX_SIDE} (an ${MAX_SIDE}×${MAX_SIDE} ` +
        `window already has ${(MAX_SIDE * MAX_SIDE) ** 2} index pairs to draw). Using window_size=${fixed}.`
    };
  }
  return { Wh, Ww };
}

/** Validate the query; never throws. */
export function validateRelativePosition(query: Query): Parsed {
  const others = relativePositionSpecs.filter((s) => s.name !== 'window_size');
  const { values, messages } = parseParams(others, query);
  const ws = parseWindowSize(query.window_size);
  if (ws.message) messages.unshift(ws.message);
  const out = { ...values, window_size: ws.Wh, Wh: ws.Wh, Ww: ws.Ww };
  return { values: out, messages };
}
