import { expect, it } from 'vitest';
import { curveLayout } from './curve';

it('maps the first and last validation PSNR to the plot corners', () => {
  const L = curveLayout([
    { iter: 0, loss: null, val_psnr: 12.4 },
    { iter: 1000, loss: 0.02, val_psnr: 28.8 }
  ]);
  expect(L.points[0].px).toBe(L.margin.left);
  expect(L.points[1].px).toBe(L.width - L.margin.right);
  expect(L.points[0].py).toBeGreaterThan(L.points[1].py);
  expect(L.path.startsWith('M48.0,')).toBe(true);
  expect(L.xTicks.map((t) => t.v)).toEqual([0, 200, 400, 600, 800, 1000]);
});
