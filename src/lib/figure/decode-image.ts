/**
 * Browser-side image decoding for the chapters that take a photo (/ttsr-search-transfer,
 * /trained-swinir): a File or Blob → ImageBitmap → canvas → planar RGB floats in [0, 1]. Nothing
 * leaves the page. Each chapter keeps its own rules and messages (which files it takes, the size it
 * fits an image to) in its params.ts and passes them in; this file only touches the browser APIs.
 */

/** `[3, H, W]` planar RGB on the 0–1 scale. */
export interface PlanarRgb {
  width: number;
  height: number;
  data: Float32Array;
}

/** The size to draw the image at and, optionally, the source rectangle to read (default: all of it). */
export interface Placement {
  width: number;
  height: number;
  sx?: number;
  sy?: number;
  sw?: number;
  sh?: number;
}

/** A chapter's fitting rule: where to draw a decoded image, with a note, or why it is refused. */
export type Fitted =
  (Placement & { ok: true; message: string | null }) | { ok: false; message: string };

export type Decoded =
  { ok: true; image: PlanarRgb; note: string | null } | { ok: false; message: string };

/** Draw `bitmap` (or its source rectangle) at `width × height` and read it back as planar RGB. */
export function bitmapToRgb(bitmap: ImageBitmap, at: Placement): PlanarRgb {
  const { width, height, sx = 0, sy = 0, sw = bitmap.width, sh = bitmap.height } = at;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser gives no 2-D canvas to read the image with.');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, sx, sy, sw, sh, 0, 0, width, height);
  const px = ctx.getImageData(0, 0, width, height).data;
  const n = width * height;
  const data = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) data[c * n + i] = px[4 * i + c] / 255;
  return { width, height, data };
}

/**
 * Decode one file the chapter has checked (`refused`: its message, or null) and fit it with the
 * chapter's rule; never throws.
 */
export async function decodeImage(
  file: Blob & { name: string; type: string },
  refused: string | null,
  fit: (width: number, height: number) => Fitted
): Promise<Decoded> {
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
    const placed = fit(bitmap.width, bitmap.height);
    if (!placed.ok) return { ok: false, message: placed.message };
    return { ok: true, image: bitmapToRgb(bitmap, placed), note: placed.message };
  } finally {
    bitmap.close();
  }
}

/** A shipped image from static/, decoded at its own size. */
export async function fetchImage(url: string): Promise<PlanarRgb> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${url} (${res.status}).`);
  const bitmap = await createImageBitmap(await res.blob());
  try {
    return bitmapToRgb(bitmap, { width: bitmap.width, height: bitmap.height });
  } finally {
    bitmap.close();
  }
}
