// A tensor with numbers is one full-size canvas (cell-canvas.ts). When it is partly on screen, a
// change paints the cells on screen in its frame and the others in the next (CellCanvas.svelte):
// once the figure is ready, the bitmap must equal a whole repaint of the same values.
import { expect, figureReady, test } from './fixtures';
import type { Page } from '@playwright/test';

const bitmap = (page: Page, tensor: string) =>
  page
    .locator(`[data-figure="window-attention"] [data-tensor="${tensor}"] canvas`)
    .evaluate((c: HTMLCanvasElement) => c.toDataURL());

test('a canvas painted in two frames equals one painted whole', async ({ page }) => {
  await page.goto('/window-attention?seed=1');
  await figureReady(page, 'window-attention');
  const whole = await bitmap(page, 'x');

  await page.goto('/window-attention');
  const fig = await figureReady(page, 'window-attention');
  const before = await bitmap(page, 'x');
  expect(before).not.toBe(whole);
  // x half above the fold, as the bench leaves it: more than the 48-px band is off screen.
  const canvas = fig.locator('[data-tensor="x"] canvas');
  await canvas.evaluate((c) => window.scrollBy(0, c.getBoundingClientRect().top + 200));
  const box = (await canvas.boundingBox())!;
  expect(box.y).toBeLessThan(-100);
  expect(box.y + box.height).toBeGreaterThan(100);
  // Two frames for the IntersectionObserver to report where x now is.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  );
  // Set as the bench does: fill() would scroll the control, and x with it, into view.
  await fig.locator('input[name="seed"]').evaluate((input: HTMLInputElement) => {
    input.value = '1';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(fig.locator('[data-tensor="x"] rect[data-index="0,0,0"]')).toHaveAttribute(
    'data-value',
    /./
  );
  await figureReady(page, 'window-attention');
  expect((await canvas.boundingBox())!.y).toBe(box.y); // nothing scrolled meanwhile
  expect(await bitmap(page, 'x')).toBe(whole);
});
