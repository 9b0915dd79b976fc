// /trained-swinir keeps the page responsive while its model runs: from a change that starts a run
// (or a click that asks for another pixel's attention) until every canvas of the result is
// painted, no main-thread task is a long task over 50 ms (PerformanceObserver 'longtask').
import type { Page } from '@playwright/test';
import { expect, test } from '../../tests/browser/fixtures';

// The model runs twice per change (trained and initial weights) on a shared machine.
test.describe.configure({ timeout: 240_000 });
const READY = { timeout: 200_000 };
/** The limit: a task over 50 ms is what the browser itself reports as a long task. */
const LIMIT_MS = 50;

const fig = (page: Page) => page.locator('[data-figure="trained-swinir"]');

/** Until the run is done and the paint queue has drawn every canvas. */
async function shown(page: Page) {
  await expect(fig(page)).toHaveAttribute('data-ready', 'true', READY);
  await expect(fig(page)).toHaveAttribute('data-painted', 'true', READY);
}

/** Long tasks (ms) while `act` runs and its result is shown. */
async function longTasksDuring(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; longObserver?: PerformanceObserver };
    w.longTasks = [];
    w.longObserver?.disconnect();
    w.longObserver = new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))
    );
    w.longObserver.observe({ type: 'longtask' });
  });
  await act();
  await shown(page);
  // A task that ends with the last paint is reported after it: give the observer a frame or two.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

test('no main-thread task over 50 ms from a run to its drawn result (shipped photo)', async ({
  page
}) => {
  await page.goto('/trained-swinir');
  await shown(page);
  const seed = fig(page).locator('input[name="seed"]');
  const run = await longTasksDuring(page, async () => {
    await seed.fill('7');
    await seed.dispatchEvent('change');
    await expect(fig(page)).toHaveAttribute('data-status', 'running');
  });
  const svg = fig(page).locator('[data-tensor="denoised"] svg');
  const box = (await svg.boundingBox())!;
  const attend = await longTasksDuring(page, async () => {
    await svg.click({ position: { x: box.width * 0.3, y: box.height * 0.7 } });
    await expect(fig(page)).toHaveAttribute('data-status', 'running');
  });
  console.log(
    `trained-swinir main-thread long tasks: new seed [${run.join(', ')}] ms, ` +
      `new pixel [${attend.join(', ')}] ms`
  );
  // Each canvas is painted within a frame's budget (PaintQueue) and the model, PSNR and SSIM run
  // in the worker: every task should stay far below the limit, even on a busy machine.
  expect(Math.max(0, ...run), 'longest task of a run').toBeLessThanOrEqual(LIMIT_MS);
  expect(Math.max(0, ...attend), 'longest task of a pixel click').toBeLessThanOrEqual(LIMIT_MS);
});
