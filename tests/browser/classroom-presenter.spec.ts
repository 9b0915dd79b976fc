// Presenter mode: entering (URL, button, `p`), the layout at projector sizes, the page-wide keys,
// the projector palette, and leaving.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, figureReady, test } from './fixtures';

const ID = 'shifted-windows';
const STEPS = ['roll', 'labels', 'partition', 'diff', 'fill', 'softmax', 'rollback'];

/** The first tensor of the current step lies wholly inside the viewport (nothing to scroll). */
async function firstTensorInView(page: Page) {
  const size = page.viewportSize()!;
  const box = (await page.locator('[data-figure] .views [data-tensor]').first().boundingBox())!;
  expect(box.y, 'top').toBeGreaterThanOrEqual(0);
  expect(box.x, 'left').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom').toBeLessThanOrEqual(size.height + 0.5);
  expect(box.x + box.width, 'right').toBeLessThanOrEqual(size.width + 0.5);
}

async function blur(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('?present=1: only the figure, big explanation, → advances unfocused, Escape leaves', async ({
    page
  }) => {
    await page.goto(`/${ID}?present=1`);
    const fig = await figureReady(page, ID);
    await expect(fig).toHaveAttribute('data-presenting', 'true');
    for (const hidden of ['h1', '.lede', '.site-header', 'nav.outline', '.prose > p'])
      await expect(page.locator(hidden).first(), hidden).toBeHidden();
    await expect(fig.locator('.stepper')).toBeInViewport({ ratio: 1 });
    await firstTensorInView(page);
    const px = await fig
      .locator('[data-step-explain]')
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(px).toBeGreaterThanOrEqual(24);
    await expect(fig.locator('.step-heading')).toBeVisible();
    await expect(fig.locator('.code-panel')).toHaveCount(0); // collapsed while presenting

    await blur(page);
    await page.keyboard.press('ArrowRight');
    await expect(fig.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'labels');
    await expect(page).toHaveURL(/present=1/);
    await expect(page).toHaveURL(/step=2/);

    await page.keyboard.press('Escape');
    await expect(fig).not.toHaveAttribute('data-presenting');
    await expect(page.locator('h1')).toBeVisible();
    await expect(page).not.toHaveURL(/present=1/);
    await expect(fig.locator('.code-panel')).toHaveCount(1);
  });

  test('every step keeps its first tensor on screen', async ({ page }) => {
    await page.goto(`/${ID}?present=1`);
    const fig = await figureReady(page, ID);
    for (const [i, id] of STEPS.entries()) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await expect(fig.locator('[aria-current="step"]')).toHaveAttribute('data-step', id);
      await firstTensorInView(page);
    }
  });

  test('keys: Space, ←, End, Home, c, b, ?, and none while typing', async ({ page }) => {
    await page.goto(`/${ID}?present=1`);
    const fig = await figureReady(page, ID);
    const current = fig.locator('[aria-current="step"]');
    await blur(page);
    await page.keyboard.press(' ');
    await expect(current).toHaveAttribute('data-step', 'labels');
    await page.keyboard.press('End');
    await expect(current).toHaveAttribute('data-step', 'rollback');
    await page.keyboard.press('ArrowLeft');
    await expect(current).toHaveAttribute('data-step', 'softmax');
    await page.keyboard.press('Home');
    await expect(current).toHaveAttribute('data-step', 'roll');

    await page.keyboard.press('c');
    await expect(fig.locator('.code-panel')).toBeVisible();
    await page.keyboard.press('c');
    await expect(fig.locator('.code-panel')).toHaveCount(0);

    await page.keyboard.press('b');
    await expect(page.locator('[data-blank]')).toBeVisible();
    await page.keyboard.press('b');
    await expect(page.locator('[data-blank]')).toHaveCount(0);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Presenter keys' });
    await expect(help).toContainText('next step');
    await expect(help).toContainText('blank the screen');
    await page.keyboard.press('Escape'); // closes the list first …
    await expect(help).toHaveCount(0);
    await expect(fig).toHaveAttribute('data-presenting', 'true'); // … and stays presenting

    // Typing a value: the arrow keys and letters belong to the field.
    const h = fig.locator('input[name="H"]');
    await h.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('b');
    await expect(current).toHaveAttribute('data-step', 'roll');
    await expect(page.locator('[data-blank]')).toHaveCount(0);
  });

  test('the Present button and `p` on a focused figure enter; the button leaves', async ({
    page
  }) => {
    await page.goto(`/${ID}`);
    const fig = await figureReady(page, ID);
    await fig.locator('[data-present]').click();
    await expect(fig).toHaveAttribute('data-presenting', 'true');
    await expect(page).toHaveURL(/present=1/);
    await fig.locator('[data-present]').click();
    await expect(fig).not.toHaveAttribute('data-presenting');
    await fig.locator('[data-step]').first().focus();
    await page.keyboard.press('p');
    await expect(fig).toHaveAttribute('data-presenting', 'true');
  });

  test('projector palette: light, bordered cells, values ≥ 16 px or read out large', async ({
    page
  }) => {
    await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    await page.goto(`/${ID}?present=1`);
    const fig = await figureReady(page, ID);
    const bg = await fig.evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).toBe('rgb(255, 255, 255)');
    const cell = fig.locator('.views rect.cell').first();
    expect(await cell.evaluate((e) => getComputedStyle(e).stroke)).toBe('rgb(0, 0, 0)');
    const zoom = Number(await fig.locator('.views').evaluate((e) => e.style.zoom || '1'));
    const drawn = await fig.locator('.views svg[data-values]').first().getAttribute('data-values');
    if (drawn === 'drawn') expect(zoom * 10).toBeGreaterThanOrEqual(16);
    await cell.hover();
    const readout = fig.locator('[data-readout]');
    await expect(readout).toContainText('x[0, 0, 0, 0] = 0');
    expect(
      await readout.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    ).toBeGreaterThanOrEqual(24);
  });
});

test('f toggles full screen on the figure; the presenter bar and key list pass axe', async ({
  page
}) => {
  await page.goto(`/${ID}?present=1`);
  await figureReady(page, ID);
  await page.keyboard.press('f');
  await expect
    .poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-figure')))
    .toBe(ID);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  await page.keyboard.press('?');
  const result = await new AxeBuilder({ page })
    .include('[data-presenter-bar]')
    .include('[data-presenter-help]')
    .analyze();
  expect(result.violations).toEqual([]);
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 }
]) {
  test(`at ${viewport.width}×${viewport.height} the figure fills the screen and step 1 fits`, async ({
    page
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/${ID}?present=1`);
    const fig = await figureReady(page, ID);
    const box = (await fig.boundingBox())!;
    expect(box).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
    await firstTensorInView(page);
  });
}

test('at 1024×768, a large step shrinks only its cells: names, shapes and scales stay readable', async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  // q, k and attn_qk [4, 2, 16, 16]: the cells must shrink far to show q whole.
  await page.goto('/window-attention?present=1&step=6');
  await figureReady(page, 'window-attention');
  const views = page.locator('[data-figure] .views');
  await expect(views).toHaveAttribute('style', /zoom: 0\.[0-4]/);
  await firstTensorInView(page);
  const first = views.locator('[data-tensor]').first();
  // Each at its unzoomed size (before: 0.32 of it, 5–9 px on screen).
  const name = (await first.locator('.shape-badge .name').boundingBox())!;
  const size = (await first.locator('.shape-badge .size').first().boundingBox())!;
  const scale = (await first.locator('.foot').boundingBox())!;
  expect(name.height).toBeGreaterThanOrEqual(16);
  expect(size.height).toBeGreaterThanOrEqual(16);
  expect(scale.height).toBeGreaterThanOrEqual(24);
  const cell = (await first.locator('rect.cell').first().boundingBox())!;
  expect(cell.width).toBeLessThan(16); // the cells did shrink
});

test('v shows the numbers a 1024×768 zoom hides, and hides them again', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/window-partition?present=1');
  const fig = await figureReady(page, 'window-partition');
  const drawn = fig.locator('.views svg[data-values]').first();
  const button = fig.locator('[data-numbers]');
  const zoom = await fig.locator('.views').evaluate((e) => e.style.zoom);
  expect(zoom).toMatch(/^\d/); // set by the presenter's fit
  expect(Number(zoom) * 10).toBeLessThan(16); // too small for the back row: hidden by default
  await expect(drawn).toHaveAttribute('data-values', 'hidden');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('v');
  await expect(drawn).toHaveAttribute('data-values', 'drawn');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight'); // the choice holds on the next step
  await expect(fig.locator('.views svg[data-values]').first()).toHaveAttribute(
    'data-values',
    'drawn'
  );
  await button.click();
  await expect(fig.locator('.views svg[data-values]').first()).toHaveAttribute(
    'data-values',
    'hidden'
  );
  await page.keyboard.press('?');
  await expect(fig.locator('[data-presenter-help]')).toContainText('numbers in the cells');
});

test('at 800×800 a tensor wider than the screen is zoomed to fit it, not cut to scroll', async ({
  page
}) => {
  await page.setViewportSize({ width: 800, height: 800 });
  // TTSR's first tensor is ~840 px wide at zoom 1 and short: its width sets the zoom.
  await page.goto('/ttsr-search-transfer?present=1');
  await figureReady(page, 'ttsr-search-transfer');
  await firstTensorInView(page);
  await expect(page.locator('[data-figure] .views')).toHaveAttribute('style', /zoom: 0\.9/);
  const scroll = page.locator('[data-figure] .views [data-tensor] .scroll').first();
  const { scrollWidth, clientWidth } = await scroll.evaluate((e) => ({
    scrollWidth: e.scrollWidth,
    clientWidth: e.clientWidth
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1); // nothing left to scroll to
});
