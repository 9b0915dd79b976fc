import { expect, it } from 'vitest';
import { base64ToF32, f32ToBase64 } from './f32';

it('round-trips float32 values exactly, also past the chunk size', () => {
  const a = Float32Array.from({ length: 70_000 }, (_, i) => Math.sin(i) * 1e3 - 0.1);
  expect(base64ToF32(f32ToBase64(a))).toEqual(a);
  expect(f32ToBase64(new Float32Array([1]))).toBe('AACAPw==');
});
