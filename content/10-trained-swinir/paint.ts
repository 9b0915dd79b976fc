/**
 * The pixels of /trained-swinir's canvases as RGBA bytes, pure (no DOM): a planar `[3, H, W]`
 * image, an attention row drawn over the dimmed image, a signed map (a bias table). The components
 * only hand these to `putImageData`, one canvas per paint slice (the kit's PaintQueue).
 */

/** Planar RGB on 0–1 → RGBA bytes (opaque), each channel times `gain` (clamped, rounded). */
export function rgbaOf(data: Float32Array, n: number, gain = 1): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(4 * n);
  const k = 255 * gain;
  for (let i = 0; i < n; i++) {
    out[4 * i] = data[i] * k;
    out[4 * i + 1] = data[n + i] * k;
    out[4 * i + 2] = data[2 * n + i] * k;
    out[4 * i + 3] = 255;
  }
  return out;
}

const TINT = [255, 210, 40];
const QUERY = [0, 255, 255, 255];

/**
 * One head's attention row on the image: `base` (the image's RGBA, dimmed) with each key position
 * (`keys`: N × (y, x)) tinted in proportion to its weight over the row's largest, and the query
 * pixel in cyan. Keys outside the W × H photo (its reflect padding) are skipped.
 */
export function attentionRgba(
  base: Uint8ClampedArray,
  W: number,
  H: number,
  keys: Int32Array,
  weights: Float32Array,
  query?: readonly [number, number]
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(base);
  let max = 0;
  for (const w of weights) max = Math.max(max, w);
  for (let k = 0; k < weights.length; k++) {
    const y = keys[2 * k];
    const x = keys[2 * k + 1];
    if (y >= H || x >= W) continue;
    const a = weights[k] / (max || 1);
    const i = 4 * (y * W + x);
    for (let c = 0; c < 3; c++) out[i + c] = TINT[c] * a + out[i + c] * (1 - a);
  }
  if (query) out.set(QUERY, 4 * (query[0] * W + query[1]));
  return out;
}

/** A signed map in blue–white–red against ±`range` (white at 0, saturated at ±range). */
export function signedRgba(values: Float32Array, range: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(4 * values.length);
  const r = range || 1;
  for (let i = 0; i < values.length; i++) {
    const t = Math.max(-1, Math.min(1, values[i] / r));
    const k = Math.round(255 * (1 - Math.abs(t)));
    out[4 * i] = t >= 0 ? 255 : k;
    out[4 * i + 1] = k;
    out[4 * i + 2] = t >= 0 ? k : 255;
    out[4 * i + 3] = 255;
  }
  return out;
}
