/**
 * Browser-side image decoding for /trained-swinir (the kit's decode-image.ts): a file is checked and
 * cropped or scaled to at most 128×128 by this chapter's rules (params.ts). Nothing leaves the page.
 */
import { decodeImage, type Decoded } from '$lib/figure/decode-image';
import { checkFile, fitImage, type FitMode } from './params';

export { fetchImage, type Decoded } from '$lib/figure/decode-image';

/** Validate, decode and fit one file; never throws. */
export function decodeFile(file: File, mode: FitMode): Promise<Decoded> {
  return decodeImage(file, checkFile(file), (w, h) => fitImage(w, h, mode, `"${file.name}"`));
}
