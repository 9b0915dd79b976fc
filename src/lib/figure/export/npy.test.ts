import { describe, expect, it } from 'vitest';
import { decodeNpy, encodeNpy, NPY_ALIGN, npyHeader } from './npy';

const text = (b: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...b.subarray(from, to));

describe('encodeNpy (NumPy format 1.0)', () => {
  it('writes the magic, version 1.0 and a little-endian header length', () => {
    const b = encodeNpy([2, 3], 'float32', [0, 1, 2, 3, 4, 5]);
    expect(Array.from(b.subarray(0, 6))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
    expect([b[6], b[7]]).toEqual([1, 0]);
    const len = b[8] + 256 * b[9];
    expect(text(b, 10, 10 + len)).toMatch(
      /^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3\), \} *\n$/
    );
  });

  it('pads the header with spaces so the data starts on a 64-byte boundary, ending in \\n', () => {
    for (const shape of [[1], [7], [3, 4], [2, 3, 4, 5], [1, 9, 9, 1], [100000]]) {
      const n = shape.reduce((a, b) => a * b, 1);
      const b = encodeNpy(shape, 'int32', new Int32Array(n));
      const len = b[8] + 256 * b[9];
      expect((10 + len) % NPY_ALIGN).toBe(0);
      expect(b[10 + len - 1]).toBe(0x0a);
      expect(b.length).toBe(10 + len + 4 * n);
    }
  });

  it('spells 1-D shapes as Python 1-tuples and names both dtypes', () => {
    expect(npyHeader([5], 'float32')).toContain("'shape': (5,)");
    expect(npyHeader([], 'float32')).toContain("'shape': ()");
    expect(npyHeader([2, 2], 'int32')).toContain("'descr': '<i4'");
  });

  it('stores float32 and int32 little-endian, in C order, exactly', () => {
    const f = Float32Array.from([0.1, -100, 1e-30, 3.4e38, -0]);
    const b = encodeNpy([5], 'float32', f);
    const len = b[8] + 256 * b[9];
    const view = new DataView(b.buffer, 10 + len);
    expect(view.getFloat32(4, true)).toBe(-100);
    expect(decodeNpy(b).data).toEqual(f);
    const i = Int32Array.from([-2147483648, -1, 0, 7, 2147483647, 12]);
    const d = decodeNpy(encodeNpy([2, 3], 'int32', i));
    expect(d).toEqual({ shape: [2, 3], dtype: 'int32', data: i });
  });

  it('refuses data that does not match the shape', () => {
    expect(() => encodeNpy([2, 2], 'float32', [1, 2, 3])).toThrow(/holds 4 values, data has 3/);
  });
});
