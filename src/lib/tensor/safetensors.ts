/**
 * A reader for the `.safetensors` format (huggingface/safetensors, "Format" in its README): an
 * 8-byte little-endian u64 header length n, n bytes of JSON
 * `{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__"?: {str: str}}`, then the raw
 * little-endian tensor bytes, offsets relative to the end of the header. Pure: bytes in, typed
 * arrays out (no tfjs, so a worker or a test can read a file without a backend).
 *
 * Supported dtypes: F32; F16 (widened to float32); I64 (narrowed to int32, refused outside its range:
 * PyTorch stores index buffers such as `relative_position_index` as int64).
 */
import { check } from './check';

export interface SafeTensor {
  /** The dtype stored in the file; `data` is float32 for F32/F16 and int32 for I64. */
  stored: 'F32' | 'F16' | 'I64';
  dtype: 'float32' | 'int32';
  shape: number[];
  data: Float32Array | Int32Array;
}

export interface SafeTensorsFile {
  tensors: Record<string, SafeTensor>;
  metadata: Record<string, string>;
}

const BYTES = { F32: 4, F16: 2, I64: 8 } as const;
/** The format caps the header at 100 MB; anything bigger is corruption, not a model. */
const MAX_HEADER = 100_000_000;

/** IEEE 754 half → float32 (subnormals, infinities and NaN included). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function decode(
  name: string,
  stored: keyof typeof BYTES,
  view: DataView,
  start: number,
  count: number
): Float32Array | Int32Array {
  if (stored === 'F32') {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getFloat32(start + 4 * i, true);
    return out;
  }
  if (stored === 'F16') {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = halfToFloat(view.getUint16(start + 2 * i, true));
    return out;
  }
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const v = view.getBigInt64(start + 8 * i, true);
    check(
      v >= -2147483648n && v <= 2147483647n,
      () => `${name}: I64 value ${v} at element ${i} does not fit in int32`
    );
    out[i] = Number(v);
  }
  return out;
}

/** Parses a whole `.safetensors` file; throws an Error that says what is wrong with it. */
export function readSafetensors(bytes: ArrayBuffer | Uint8Array): SafeTensorsFile {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  check(
    u8.byteLength >= 8,
    () => `not a safetensors file: ${u8.byteLength} bytes, shorter than its 8-byte header length`
  );
  const n = view.getBigUint64(0, true);
  check(
    n <= BigInt(MAX_HEADER),
    () => `not a safetensors file: header length ${n} is over the format's 100 MB limit`
  );
  const headerLen = Number(n);
  check(
    8 + headerLen <= u8.byteLength,
    () =>
      `truncated safetensors file: the header says ${headerLen} bytes of JSON, ` +
      `but only ${u8.byteLength - 8} bytes follow`
  );
  let header: unknown;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(u8.subarray(8, 8 + headerLen))
    );
  } catch (e) {
    throw new Error(`corrupt safetensors header: not UTF-8 JSON (${(e as Error).message})`, {
      cause: e
    });
  }
  check(
    typeof header === 'object' && header !== null && !Array.isArray(header),
    'corrupt safetensors header: the JSON is not an object'
  );
  const dataStart = 8 + headerLen;
  const dataLen = u8.byteLength - dataStart;
  const tensors: Record<string, SafeTensor> = {};
  let metadata: Record<string, string> = {};
  for (const [name, info] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      metadata = info as Record<string, string>;
      continue;
    }
    const { dtype, shape, data_offsets: offsets } = (info ?? {}) as Record<string, unknown>;
    check(
      dtype === 'F32' || dtype === 'F16' || dtype === 'I64',
      () => `${name}: dtype ${JSON.stringify(dtype)} is not supported (F32, F16 or I64)`
    );
    check(
      Array.isArray(shape) && shape.every((d) => Number.isInteger(d) && d >= 0),
      () => `${name}: shape ${JSON.stringify(shape)} is not a list of whole numbers`
    );
    check(
      Array.isArray(offsets) &&
        offsets.length === 2 &&
        offsets.every((o) => Number.isInteger(o) && o >= 0) &&
        offsets[0] <= offsets[1],
      () => `${name}: data_offsets ${JSON.stringify(offsets)} is not a pair [begin ≤ end]`
    );
    const [begin, end] = offsets as [number, number];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    check(
      end - begin === count * BYTES[dtype],
      () =>
        `${name}: shape [${(shape as number[]).join(', ')}] of ${dtype} needs ` +
        `${count * BYTES[dtype]} bytes, but data_offsets span ${end - begin}`
    );
    check(
      end <= dataLen,
      () =>
        `truncated safetensors file: ${name} ends at byte ${end} of the data, ` +
        `but the data holds ${dataLen} bytes`
    );
    tensors[name] = {
      stored: dtype,
      dtype: dtype === 'I64' ? 'int32' : 'float32',
      shape: [...(shape as number[])],
      data: decode(name, dtype, view, dataStart + begin, count)
    };
  }
  return { tensors, metadata };
}
