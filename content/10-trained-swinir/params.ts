/**
 * Parameters and upload rules of /trained-swinir. The URL holds the shipped photo, σ and the seed of
 * the noise; uploads are checked here (type, bytes, pixel size) and fitted to at most 128×128.
 * Pure functions: no DOM.
 */
import {
  parseParams,
  SEED_SPEC,
  type ParamSpec,
  type Parsed,
  type Query
} from '$lib/figure/params';

export const PHOTOS = [
  { name: 'chelsea', label: 'Chelsea the cat (held out)' },
  { name: 'rocket', label: 'Rocket (held out)' },
  { name: 'astronaut', label: 'Astronaut (a training image)' }
] as const;

export const trainedSwinirSpecs: ParamSpec[] = [
  { name: 'image', label: 'photo (1–3)', min: 1, max: PHOTOS.length, default: 1 },
  {
    name: 'sigma',
    label: 'σ (noise, of 255)',
    min: 0,
    max: 75,
    default: 25,
    maxReason: 'the model was trained at σ = 25; past 75 the photo is mostly noise'
  },
  SEED_SPEC
];

export function validateTrainedSwinir(query: Query): Parsed {
  return parseParams(trainedSwinirSpecs, query);
}

/** Largest side the page denoises (the model runs on every pixel in your browser). */
export const MAX_SIDE = 128;
/** Reflect padding to the window (8) needs each side larger than the pad (up to 7). */
export const MIN_SIDE = 8;
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_DECODED_PIXELS = 4096 * 4096;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** Check a file before decoding; a message, or null when it may be decoded. */
export function checkFile(file: { name: string; type: string; size: number }): string | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return (
      `"${file.name}" is not a PNG, JPEG or WebP image (type ${file.type || 'unknown'}): ` +
      `choose a photo in one of those formats.`
    );
  }
  if (file.size > MAX_FILE_BYTES) {
    return (
      `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB, more than the ` +
      `${MAX_FILE_BYTES / 1024 / 1024} MB this page decodes: choose a smaller file.`
    );
  }
  return null;
}

export type FitMode = 'crop' | 'scale';

/** Where to read a large image from: a source rectangle and the size it is drawn at. */
export type Fit =
  | {
      ok: true;
      sx: number;
      sy: number;
      sw: number;
      sh: number;
      width: number;
      height: number;
      message: string | null;
    }
  | { ok: false; message: string };

/**
 * ≤ 128×128 is used as is; a larger image is either centre-cropped to 128×128 (at most) or scaled
 * down to fit 128×128 keeping its aspect ratio.
 */
export function fitImage(width: number, height: number, mode: FitMode, name = 'the image'): Fit {
  if (width * height > MAX_DECODED_PIXELS) {
    return {
      ok: false,
      message:
        `${name} is ${width}×${height} pixels, more than the ` +
        `${MAX_DECODED_PIXELS.toLocaleString('en')} pixels this page decodes: use a smaller image.`
    };
  }
  if (width < MIN_SIDE || height < MIN_SIDE) {
    return {
      ok: false,
      message:
        `${name} is ${width}×${height} pixels: SwinIR reflect-pads each side to a multiple of its ` +
        `8×8 window, which needs at least ${MIN_SIDE}×${MIN_SIDE}. Use a larger image.`
    };
  }
  if (width <= MAX_SIDE && height <= MAX_SIDE)
    return { ok: true, sx: 0, sy: 0, sw: width, sh: height, width, height, message: null };
  if (mode === 'crop') {
    const w = Math.min(width, MAX_SIDE);
    const h = Math.min(height, MAX_SIDE);
    const sx = Math.floor((width - w) / 2);
    const sy = Math.floor((height - h) / 2);
    return {
      ok: true,
      sx,
      sy,
      sw: w,
      sh: h,
      width: w,
      height: h,
      message:
        `${name} (${width}×${height}) is larger than ${MAX_SIDE}×${MAX_SIDE}: the page denoises ` +
        `its centre ${w}×${h} (choose "scale down" to see all of it, smaller).`
    };
  }
  const scale = MAX_SIDE / Math.max(width, height);
  const w = Math.max(MIN_SIDE, Math.round(width * scale));
  const h = Math.max(MIN_SIDE, Math.round(height * scale));
  return {
    ok: true,
    sx: 0,
    sy: 0,
    sw: width,
    sh: height,
    width: w,
    height: h,
    message: `${name} (${width}×${height}) was scaled down to ${w}×${h} to fit ${MAX_SIDE}×${MAX_SIDE}.`
  };
}
