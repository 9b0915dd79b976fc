/**
 * Browser-side image decoding for /trained-swinir: a File → ImageBitmap → canvas → planar RGB in
 * [0, 1], cropped or scaled to at most 128×128 (rules in params.ts). Nothing leaves the page.
 */
import { checkFile, fitImage, type FitMode } from './params';
import type { Rgb } from './denoise';

function toRgb(
  bitmap: ImageBitmap,
  src: { sx: number; sy: number; sw: number; sh: number },
  width: number,
  height: number
): Rgb {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser gives no 2-D canvas to read the image with.');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, src.sx, src.sy, src.sw, src.sh, 0, 0, width, height);
  const px = ctx.getImageData(0, 0, width, height).data;
  const n = width * height;
  const data = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) data[c * n + i] = px[4 * i + c] / 255;
  return { width, height, data };
}

export type Decoded =
  { ok: true; image: Rgb; note: string | null } | { ok: false; message: string };

/** Validate, decode and fit one file; never throws. */
export async function decodeFile(file: File, mode: FitMode): Promise<Decoded> {
  const refused = checkFile(file);
  if (refused) return { ok: false, message: refused };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return {
      ok: false,
      message: `"${file.name}" could not be decoded as an image (is the file damaged, or not really a ${file.type}?). Choose another file.`
    };
  }
  try {
    const fit = fitImage(bitmap.width, bitmap.height, mode, `"${file.name}"`);
    if (!fit.ok) return { ok: false, message: fit.message };
    return { ok: true, image: toRgb(bitmap, fit, fit.width, fit.height), note: fit.message };
  } finally {
    bitmap.close();
  }
}

/** A shipped photo from static/, at its own size. */
export async function fetchImage(url: string): Promise<Rgb> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${url} (${res.status}).`);
  const bitmap = await createImageBitmap(await res.blob());
  try {
    return toRgb(
      bitmap,
      { sx: 0, sy: 0, sw: bitmap.width, sh: bitmap.height },
      bitmap.width,
      bitmap.height
    );
  } finally {
    bitmap.close();
  }
}
