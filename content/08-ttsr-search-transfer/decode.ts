/**
 * Browser-side image decoding for /ttsr-search-transfer: a Blob/File → ImageBitmap → canvas →
 * planar RGB floats in [0, 1]. Nothing leaves the page. Validation rules live in
 * `$lib/params/ttsr-search-transfer` (pure); this file only touches the browser APIs.
 */
import { checkFile, fitImage, type Role } from './params';
import type { Rgb } from './trace';

function toRgb(bitmap: ImageBitmap, width: number, height: number): Rgb {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser gives no 2-D canvas to read the image with.');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  const px = ctx.getImageData(0, 0, width, height).data;
  const n = width * height;
  const data = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) data[c * n + i] = px[4 * i + c] / 255;
  return { width, height, data };
}

export type Decoded =
  { ok: true; image: Rgb; note: string | null } | { ok: false; message: string };

/** Validate, decode and fit one image for `role`; never throws. */
export async function decodeFor(
  role: Role,
  file: { name: string; type: string; size: number } & Blob
): Promise<Decoded> {
  const refused = checkFile(role, file);
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
    const fit = fitImage(role, bitmap.width, bitmap.height, `"${file.name}"`);
    if (!fit.ok) return { ok: false, message: fit.message };
    return { ok: true, image: toRgb(bitmap, fit.width, fit.height), note: fit.message };
  } finally {
    bitmap.close();
  }
}

/** A shipped image from static/, decoded at its own size. */
export async function fetchImage(url: string): Promise<Rgb> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${url} (${res.status}).`);
  const bitmap = await createImageBitmap(await res.blob());
  try {
    return toRgb(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
