// A student opens a lesson link on a phone: presenter mode fits the tensors to the phone's width
// and the page scrolls down to them (fit.ts PHONE_PX), instead of shrinking every slide to the
// height left under the toolbar (zoom 0.3 before: a 9×9 grid 90 px wide). Values are drawn at
// the page's own 10 px, not held to the projector's 16.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 } });

async function slide(page: Page, lesson: string, n: number) {
  await page.goto(`/lessons/${lesson}?slide=${n}`);
  const fig = page.locator('[data-figure][data-presenting]');
  await expect(fig).toHaveAttribute('data-ready', 'true');
  const views = fig.locator('.views');
  await expect(views).toHaveAttribute('style', /zoom: \d/); // fitted by the presenter
  const zoom = Number(await views.evaluate((e) => e.style.zoom));
  const first = views.locator('[data-tensor]').first();
  await first.scrollIntoViewIfNeeded();
  const box = (await first.boundingBox())!;
  // The presented figure is fixed to the viewport and scrolls itself: measure both.
  const sideways = await fig.evaluate(
    (e) =>
      Math.max(e.scrollWidth - e.clientWidth, 0) +
      Math.max(document.documentElement.scrollWidth - innerWidth, 0)
  );
  return { fig, views, zoom, box, sideways };
}

test('a small tensor fills the phone width with its values drawn; nothing scrolls sideways', async ({
  page
}) => {
  // Step 2 of shifted-windows: shifted_x [1, 9, 9, 1], its pixel numbers the point of the slide.
  const { fig, zoom, box, sideways } = await slide(page, 'sw-msa-mask', 3);
  expect(zoom).toBeGreaterThanOrEqual(1);
  expect(box.width).toBeGreaterThan(250); // of 390 px
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390.5);
  expect(sideways).toBe(0);
  await expect(fig.locator('.views svg[data-values]').first()).toHaveAttribute(
    'data-values',
    'drawn'
  );
});

test('a tensor wider than the phone shrinks to its width, its name and shape at full size', async ({
  page
}) => {
  // qkv_linear [4, 16, 18] in four facets: ~840 px at zoom 1.
  const { views, zoom, box, sideways } = await slide(page, 'heads-not-convolutions', 1);
  expect(zoom).toBeGreaterThan(0.3);
  expect(zoom).toBeLessThan(1);
  expect(box.x + box.width).toBeLessThanOrEqual(390.5);
  expect(sideways).toBe(0);
  const name = (await views.locator('.shape-badge .name').first().boundingBox())!;
  expect(name.height).toBeGreaterThanOrEqual(16); // counter-zoomed, as on a projector
});

test('every slide of both lessons: the first tensor fits, nothing scrolls sideways', async ({
  page
}) => {
  for (const [lesson, slides] of [
    ['sw-msa-mask', 6],
    ['heads-not-convolutions', 6]
  ] as const)
    for (let n = 1; n <= slides; n++) {
      const { zoom, box, sideways } = await slide(page, lesson, n);
      expect(zoom, `${lesson} ${n}`).toBeGreaterThan(0.3);
      expect(box.x + box.width, `${lesson} ${n}`).toBeLessThanOrEqual(390.5);
      expect(sideways, `${lesson} ${n}`).toBe(0);
    }
});
