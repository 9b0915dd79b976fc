// A chapter printed is a handout: prose, each figure at its step with tensors and code; no
// controls, no site frame, light colours; tensors are not split by page breaks.
import { expect, figureReady, test } from './fixtures';

test('under print media: no input or button visible, prose, tensors and code are', async ({
  page
}) => {
  await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
  await page.goto('/shifted-windows?step=5');
  const fig = await figureReady(page, 'shifted-windows');
  await page.emulateMedia({ media: 'print' });
  const visibleControls = await page.evaluate(
    () =>
      [...document.querySelectorAll('input, button, select, textarea, summary')].filter((e) =>
        e.checkVisibility()
      ).length
  );
  expect(visibleControls).toBe(0);
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('nav.outline')).toBeHidden();
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.prose > p').first()).toBeVisible();
  await expect(fig.locator('[data-tensor="attn_mask"]')).toBeVisible();
  await expect(fig.locator('.code-panel')).toBeVisible();
  await expect(fig.locator('.step-heading')).toContainText('Step 5 of 7');
  const style = await page.evaluate(() => ({
    bg: getComputedStyle(document.body).backgroundColor,
    tensorBreak: getComputedStyle(document.querySelector('[data-tensor]')!).breakInside
  }));
  expect(style).toEqual({ bg: 'rgb(255, 255, 255)', tensorBreak: 'avoid' });
});
