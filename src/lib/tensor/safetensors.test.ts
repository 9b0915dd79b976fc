import { describe, expect, it } from 'vitest';
import { halfToFloat, readSafetensors } from './safetensors';
import { modelBytes } from '../../../tests/golden/model-bytes';

/** A file as the format describes it: u64 LE header length, JSON header, LE data. */
function build(header: Record<string, unknown>, data: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

function le(kind: 'f32' | 'f16' | 'i64', values: (number | bigint)[]): Uint8Array {
  const size = { f32: 4, f16: 2, i64: 8 }[kind];
  const buf = new Uint8Array(values.length * size);
  const v = new DataView(buf.buffer);
  values.forEach((x, i) => {
    if (kind === 'f32') v.setFloat32(i * 4, x as number, true);
    else if (kind === 'f16') v.setUint16(i * 2, x as number, true);
    else v.setBigInt64(i * 8, BigInt(x), true);
  });
  return buf;
}

describe('readSafetensors', () => {
  it('reads F32, F16 (widened) and I64 (narrowed) with shapes and metadata', () => {
    const f32 = le('f32', [1.5, -2, 3.25, 0, 7, 8]);
    // half: 1.0 = 0x3c00, −2.0 = 0xc000, 65504 = 0x7bff, smallest subnormal 0x0001
    const f16 = le('f16', [0x3c00, 0xc000, 0x7bff, 0x0001]);
    const i64 = le('i64', [0n, -5n, 2147483647n]);
    const data = new Uint8Array([...f32, ...f16, ...i64]);
    const a = f32.length;
    const b = a + f16.length;
    const file = readSafetensors(
      build(
        {
          __metadata__: { format: 'pt' },
          w: { dtype: 'F32', shape: [2, 3], data_offsets: [0, a] },
          h: { dtype: 'F16', shape: [4], data_offsets: [a, b] },
          idx: { dtype: 'I64', shape: [3], data_offsets: [b, data.length] }
        },
        data
      )
    );
    expect(file.metadata).toEqual({ format: 'pt' });
    expect(file.tensors.w.shape).toEqual([2, 3]);
    expect(Array.from(file.tensors.w.data)).toEqual([1.5, -2, 3.25, 0, 7, 8]);
    expect(Array.from(file.tensors.h.data)).toEqual([1, -2, 65504, 2 ** -24]);
    expect(file.tensors.h.dtype).toBe('float32');
    expect(file.tensors.idx.dtype).toBe('int32');
    expect(Array.from(file.tensors.idx.data)).toEqual([0, -5, 2147483647]);
  });

  it('half-precision specials', () => {
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
    expect(halfToFloat(0x8000)).toBe(-0);
  });

  it('refuses what it cannot read, saying why', () => {
    const ok = build({ w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, le('f32', [1, 2]));
    expect(() => readSafetensors(new Uint8Array(5))).toThrow(/shorter than its 8-byte header/);
    expect(() => readSafetensors(ok.subarray(0, 20))).toThrow(/truncated safetensors file/);
    expect(() => readSafetensors(ok.subarray(0, ok.length - 3))).toThrow(
      /truncated.*ends at byte 8/
    );
    const garbage = ok.slice();
    garbage[9] = 0x7b; // breaks the JSON
    garbage[8] = 0x5b;
    expect(() => readSafetensors(garbage)).toThrow(/corrupt safetensors header/);
    const huge = ok.slice();
    new DataView(huge.buffer).setBigUint64(0, 1n << 40n, true);
    expect(() => readSafetensors(huge)).toThrow(/100 MB limit/);
    expect(() =>
      readSafetensors(
        build({ w: { dtype: 'BF16', shape: [1], data_offsets: [0, 2] } }, new Uint8Array(2))
      )
    ).toThrow(/BF16.*not supported/);
    expect(() =>
      readSafetensors(
        build({ w: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, new Uint8Array(8))
      )
    ).toThrow(/needs 12 bytes/);
    expect(() =>
      readSafetensors(
        build({ w: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, le('i64', [1n << 40n]))
      )
    ).toThrow(/does not fit in int32/);
  });

  it('reads the shipped SwinIR weights written by scripts/train/swinir.py', async () => {
    const file = readSafetensors(await modelBytes('swinir-denoise-s25-init.safetensors'));
    expect(file.tensors['conv_first.weight'].shape).toEqual([32, 3, 3, 3]);
    const idx = file.tensors['layers.0.residual_group.blocks.0.attn.relative_position_index'];
    expect(idx.stored).toBe('I64');
    expect(idx.shape).toEqual([64, 64]);
    // relative_position_index[0, 0] is the zero offset: (ws − 1)·(2ws − 1) + (ws − 1) = 112 for ws 8
    expect(idx.data[0]).toBe(112);
    expect(JSON.parse(file.metadata.args).window_size).toBe(8);
  });
});
