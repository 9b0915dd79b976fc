/**
 * NumPy `.npy` files, format version 1.0, so `np.load` gives back exactly the values a page shows.
 * Spec: numpy/lib/format.py (magic, version, little-endian uint16 header length, a Python dict
 * literal padded with spaces and ended by a newline so the data starts on a 64-byte boundary).
 */
export type NpyDtype = 'float32' | 'int32';

/** The header dict, as numpy's `header_data_from_array_1_0` writes it. */
export function npyHeader(shape: readonly number[], dtype: NpyDtype): string {
  const descr = dtype === 'int32' ? '<i4' : '<f4';
  // A 1-tuple needs its trailing comma in Python: (5,) not (5).
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  return `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const PREAMBLE = MAGIC.length + 2 + 2; // magic, version 1.0, header length
/** numpy ≥ 1.14 aligns the data to 64 bytes (ARRAY_ALIGN) so it can be memory-mapped. */
export const NPY_ALIGN = 64;

/** Encode a C-order array as a v1.0 `.npy` file. Throws if data and shape disagree. */
export function encodeNpy(
  shape: readonly number[],
  dtype: NpyDtype,
  data: ArrayLike<number>
): Uint8Array<ArrayBuffer> {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length)
    throw new Error(
      `npy: shape [${shape.join(', ')}] holds ${count} values, data has ${data.length}`
    );
  let header = npyHeader(shape, dtype);
  const unpadded = PREAMBLE + header.length + 1; // + '\n'
  header += ' '.repeat((NPY_ALIGN - (unpadded % NPY_ALIGN)) % NPY_ALIGN) + '\n';
  if (header.length > 0xffff) throw new Error('npy: header too long for format 1.0');
  const out = new Uint8Array(new ArrayBuffer(PREAMBLE + header.length + 4 * count));
  out.set(MAGIC, 0);
  out[6] = 1; // major version
  out[7] = 0; // minor version
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[PREAMBLE + i] = header.charCodeAt(i);
  // Explicitly little-endian, whatever the machine's byte order.
  const base = PREAMBLE + header.length;
  for (let i = 0; i < count; i++) {
    if (dtype === 'int32') view.setInt32(base + 4 * i, data[i], true);
    else view.setFloat32(base + 4 * i, data[i], true);
  }
  return out;
}

/** Decode a v1.0 `.npy` written by {@link encodeNpy} (tests, and a check on what we ship). */
export function decodeNpy(bytes: Uint8Array): {
  shape: number[];
  dtype: NpyDtype;
  data: Float32Array | Int32Array;
} {
  if (!MAGIC.every((b, i) => bytes[i] === b)) throw new Error('npy: bad magic');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = view.getUint16(8, true);
  const header = String.fromCharCode(...bytes.subarray(PREAMBLE, PREAMBLE + len));
  const descr = /'descr': '([^']+)'/.exec(header)?.[1];
  const dims = /'shape': \(([^)]*)\)/.exec(header)?.[1] ?? '';
  const shape = dims
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const dtype: NpyDtype = descr === '<i4' ? 'int32' : 'float32';
  const count = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'int32' ? new Int32Array(count) : new Float32Array(count);
  const base = PREAMBLE + len;
  for (let i = 0; i < count; i++)
    data[i] =
      dtype === 'int32' ? view.getInt32(base + 4 * i, true) : view.getFloat32(base + 4 * i, true);
  return { shape, dtype, data };
}
