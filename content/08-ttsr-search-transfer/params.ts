/**
 * Parameters and image rules of /ttsr-search-transfer. The URL holds the shipped pair and the step;
 * uploads are checked here (type, bytes, pixel size) before and after decoding, and fitted to the
 * size the page searches in your browser. Pure functions: no DOM.
 */
import { parseParams, type ParamSpec, type Parsed, type Query } from '$lib/figure/params';

export const ttsrSpecs: ParamSpec[] = [
  { name: 'pair', label: 'pair (shipped image pair)', min: 1, max: 3, default: 1 }
];

export function validateTtsr(query: Query): Parsed {
  return parseParams(ttsrSpecs, query);
}

export type Role = 'lr' | 'ref';

/** Limits per role. LR pixels are lv3 positions; the Ref is 4× its lv3 grid (lv1 = the Ref itself). */
export const IMAGE_RULES = {
  lr: { label: 'LR input', min: 3, max: 12, multiple: 1, why: 'the 3×3 patches at lv3' },
  ref: {
    label: 'reference',
    min: 12,
    max: 48,
    multiple: 4,
    why: 'the 12×12 patches of the lv1 level'
  }
} as const;

/** Bytes and decoded pixels we refuse before going further. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_DECODED_PIXELS = 4096 * 4096;

/** Check a file's type and size before decoding; returns a message, or null when it may be decoded. */
export function checkFile(
  role: Role,
  file: { name: string; type: string; size: number }
): string | null {
  const what = IMAGE_RULES[role].label;
  if (!file.type.startsWith('image/')) {
    return (
      `"${file.name}" is not an image (type ${file.type || 'unknown'}): choose a PNG, JPEG, ` +
      `WebP or GIF file for the ${what}.`
    );
  }
  if (file.size > MAX_FILE_BYTES) {
    return (
      `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB, more than the ` +
      `${MAX_FILE_BYTES / 1024 / 1024} MB this page decodes: choose a smaller file for the ${what}.`
    );
  }
  return null;
}

export type Fit =
  | { ok: true; width: number; height: number; message: string | null }
  | { ok: false; message: string };

/**
 * The size a decoded `width × height` image is resized to for `role`: refused when too small or
 * absurdly large, scaled down to fit `max` (keeping the aspect ratio), cropped to a multiple of 4
 * for the reference.
 */
export function fitImage(role: Role, width: number, height: number, name = 'the image'): Fit {
  const r = IMAGE_RULES[role];
  if (width * height > MAX_DECODED_PIXELS) {
    return {
      ok: false,
      message:
        `${name} is ${width}×${height} pixels, more than the ${MAX_DECODED_PIXELS.toLocaleString('en')} ` +
        `pixels this page decodes: use a smaller image as the ${r.label}.`
    };
  }
  if (width < r.min || height < r.min) {
    return {
      ok: false,
      message:
        `${name} is ${width}×${height} pixels, too small for the ${r.label}: ${r.why} need at least ` +
        `${r.min}×${r.min}. Use a larger image.`
    };
  }
  const scale = Math.min(1, r.max / Math.max(width, height));
  const fit = (v: number) => Math.max(r.min, Math.floor((v * scale) / r.multiple) * r.multiple);
  const w = fit(width);
  const h = fit(height);
  const message =
    w === width && h === height
      ? null
      : `${name} (${width}×${height}) was resized to ${w}×${h} for the ${r.label}: the search ` +
        `compares every LR patch with every reference patch, so the page keeps the ${r.label} ` +
        `within ${r.max}×${r.max}${r.multiple > 1 ? ` and a multiple of ${r.multiple}` : ''}.`;
  return { ok: true, width: w, height: h, message };
}
