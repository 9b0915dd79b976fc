// Answering an exercise in the browser as a student would, for the exercise specs: wait for its
// page to settle, answer through its own widget, Check until the verdict shows.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { Expected } from '../exercises/expected';

/** The exercise `id` once every figure above it is ready, with its parameters. */
export async function ready(page: Page, id: string) {
  // Figures above an exercise grow when their complete trace lands (in idle time): wait for them,
  // so a click is not aimed at where a button was before the layout shifted.
  for (const fig of await page.locator('[data-figure]').all())
    await expect(fig).toHaveAttribute('data-ready', 'true');
  const ex = page.locator(`[data-exercise="${id}"]`);
  await expect(ex).toHaveAttribute('data-params', /\{/);
  await expect(ex.locator('[data-check]')).toBeVisible();
  return { ex, params: JSON.parse((await ex.getAttribute('data-params'))!) };
}

/** Give an answer through the exercise's own widget. */
export async function answer(ex: Locator, a: Expected, right?: Expected) {
  if (a.kind === 'ints') {
    await ex.locator('input[type="text"]').fill(`(${a.value.join(', ')})`);
  } else if (a.kind === 'choice') {
    const radios = ex.locator('input[type="radio"]');
    const values = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    // A wrong choice is any option but the right one.
    const pick = values.includes(a.value)
      ? a.value
      : values.find((v) => v !== (right as { value: string }).value)!;
    await ex.locator(`input[type="radio"][value="${pick}"]`).check();
  } else {
    for (const cell of await ex.locator('[data-key]').all()) {
      const want = String(a.value.includes((await cell.getAttribute('data-key'))!));
      // Toggled until it shows the wanted state: on a loaded machine a figure above can still
      // shift the layout under a click.
      await expect(async () => {
        if ((await cell.getAttribute('aria-pressed')) !== want) await cell.click();
        await expect(cell).toHaveAttribute('aria-pressed', want, { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
    }
  }
}

/** Check, and expect the verdict `state` (Check again if a layout shift sent the click elsewhere). */
export async function checkFor(ex: Locator, state: 'correct' | 'incorrect') {
  await expect(async () => {
    await ex.locator('[data-check]').click();
    await expect(ex).toHaveAttribute('data-state', state, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
}
