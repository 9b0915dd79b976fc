/**
 * Parameters of /shifted-windows and the rules between them, in the order Swin applies them:
 * the clamp (min(H, W) ≤ window_size → one window, no shift), then 0 ≤ shift_size < window_size,
 * then H, W multiples of the window (SwinIR pads; we show the padded size). Never throws.
 */
import {
  defaults,
  elementCapMessage,
  parseParams,
  type ParamSpec,
  type Parsed,
  type Query
} from '$lib/figure/params';

export const shiftedWindowsSpecs: ParamSpec[] = [
  { name: 'H', label: 'H (height)', min: 1, max: 64, default: 9 },
  { name: 'W', label: 'W (width)', min: 1, max: 64, default: 9 },
  {
    name: 'C',
    label: 'C (1 = pixel numbers)',
    min: 1,
    max: 8,
    default: 1,
    maxReason: 'each channel is drawn as its own map'
  },
  {
    name: 'window_size',
    label: 'window_size',
    min: 1,
    max: 8,
    default: 3,
    maxReason: 'an N×N map with N = window_size² must stay readable; Swin uses 7, SwinIR 8'
  },
  { name: 'shift_size', label: 'shift_size', min: 0, max: 7, default: 1 },
  { name: 'window', label: 'picked window (−1 = last)', min: -4096, max: 4095, default: -1 }
];

/** The window index a (possibly negative, Python-style) `window` picks among nW windows. */
export function pickedWindow(window: number, nW: number): number {
  return window < 0 ? window + nW : window;
}

/** Validate the combination; returns values the trace can run on, and what changed and why. */
export function validateShiftedWindows(query: Query): Parsed {
  const { values, messages } = parseParams(shiftedWindowsSpecs, query);
  let { H, W, window_size: ws, shift_size: s } = values;

  // The official clamp (SwinTransformerBlock.__init__), decided before the shift is checked.
  const short = Math.min(H, W);
  if (short <= ws) {
    messages.push(
      `window_size=${ws} does not fit inside the ${H}×${W} map (min(H, W) = ${short} ≤ ${ws}): ` +
        `Swin then uses one window of ${short} and no shift, window_size = ${short}, shift_size = 0. ` +
        `For a shifted window, make H and W larger than window_size.`
    );
    ws = short;
    s = 0;
  }
  if (s >= ws) {
    const fix = Math.floor(ws / 2);
    messages.push(
      `shift_size=${s} must be smaller than window_size=${ws} (0 ≤ shift_size < window_size): a shift ` +
        `of a whole window is the plain partition again. Using shift_size = window_size // 2 = ${fix}, as Swin does.`
    );
    s = fix;
  }
  for (const axis of ['H', 'W'] as const) {
    const n = axis === 'H' ? H : W;
    if (n % ws === 0) continue;
    const padded = n + ws - (n % ws);
    messages.push(
      `${axis}=${n} is not a multiple of window_size=${ws}: pad to ${padded} as SwinIR does ` +
        `(reflect padding at the ${axis === 'H' ? 'bottom' : 'right'}; the mask is then built for ` +
        `the padded size). Showing ${axis}=${padded}.`
    );
    if (axis === 'H') H = padded;
    else W = padded;
  }

  // Refused before anything is allocated: the attention logits hold H·W·N numbers.
  const cap = elementCapMessage('attn', [(H * W) / (ws * ws), 1, ws * ws, ws * ws]);
  if (cap) return { values: defaults(shiftedWindowsSpecs), messages: [...messages, cap] };

  const nW = (H / ws) * (W / ws);
  let window = values.window;
  if (window < -nW || window >= nW) {
    messages.push(
      `window=${window} is not a window of this map: there are nW = ${H / ws}·${W / ws} = ${nW} ` +
        `windows, numbered 0..${nW - 1} (or −${nW}..−1 from the end, as in Python). Showing the last one, window=-1.`
    );
    window = -1;
  }
  return {
    values: { ...values, H, W, window_size: ws, shift_size: s, window },
    messages
  };
}
