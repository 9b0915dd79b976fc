/**
 * Browser-side image decoding for /ttsr-search-transfer (the kit's decode-image.ts). Validation
 * rules live in this chapter's params.ts (pure); the kit only touches the browser APIs.
 */
import { decodeImage, type Decoded } from '$lib/figure/decode-image';
import { checkFile, fitImage, type Role } from './params';

export { fetchImage, type Decoded } from '$lib/figure/decode-image';

/** Validate, decode and fit one image for `role`; never throws. */
export function decodeFor(
  role: Role,
  file: { name: string; type: string; size: number } & Blob
): Promise<Decoded> {
  return decodeImage(file, checkFile(role, file), (w, h) => fitImage(role, w, h, `"${file.name}"`));
}
