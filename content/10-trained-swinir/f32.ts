/**
 * A whole float32 tensor as text: base64 of its little-endian bytes in C order. The image views put
 * it on their root as `data-f32` (the drawn cells are capped), so tests and tools read every value.
 */
export function f32ToBase64(data: Float32Array): string {
  // Every browser (and Node) this site runs on is little-endian: the bytes are the array's own.
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000)
    parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(parts.join(''));
}

export function base64ToF32(text: string): Float32Array {
  const bin = atob(text);
  const view = new DataView(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) view.setUint8(i, bin.charCodeAt(i));
  const out = new Float32Array(bin.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
  return out;
}
