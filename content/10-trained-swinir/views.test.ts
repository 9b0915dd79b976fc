import { expect, it } from 'vitest';
import { imageView, stackedView } from './views';

it('imageView shares the data under the shape [1, 3, H, W]', () => {
  const data = new Float32Array(3 * 2 * 5);
  const v = imageView('noisy', data, 2, 5);
  expect(v.snap.shape).toEqual([1, 3, 2, 5]);
  expect(v.snap.data).toBe(data);
});

it('stackedView stacks blocks on a new first axis, lazily, and refuses mixed shapes', () => {
  const a = { shape: [2, 2], data: new Float32Array([1, 2, 3, 4]) };
  const b = { shape: [2, 2], data: new Float32Array([5, 6, 7, 8]) };
  const v = stackedView('attn_trained', ['block', 'head', 'key'], [a, b]);
  expect(v.snap.shape).toEqual([2, 2, 2]);
  expect([...v.snap.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(v.snap).toBe(v.snap); // built once
  const bad = stackedView('x', [], [a, { shape: [4], data: new Float32Array(4) }]);
  expect(() => bad.snap).toThrow('differ in shape');
});
