/**
 * Every browser test runs with two guards: no console error or page error, and no request to
 * anything but the local preview server (the site must work offline, no CDN).
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface Guards {
  consoleErrors: string[];
  foreignRequests: string[];
}

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ page }, use) => {
      const guards: Guards = { consoleErrors: [], foreignRequests: [] };
      page.on('console', (m) => {
        if (m.type() === 'error') guards.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => guards.consoleErrors.push(`pageerror: ${e.message}`));
      page.on('request', (r) => {
        const url = new URL(r.url());
        const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
        if (!local && !['data:', 'blob:'].includes(url.protocol))
          guards.foreignRequests.push(r.url());
      });
      await use(guards);
      expect(guards.consoleErrors, 'console errors').toEqual([]);
      expect(guards.foreignRequests, 'requests leaving localhost').toEqual([]);
    },
    { auto: true }
  ]
});
export { expect };

/** Wait until a figure has computed its tensors. */
export async function figureReady(page: Page, id: string) {
  const fig = page.locator(`[data-figure="${id}"]`);
  await expect(fig).toHaveAttribute('data-ready', 'true');
  return fig;
}

/** Click step `n` (1-based) in figure `id`'s stepper. */
export async function stepTo(page: Page, id: string, n: number) {
  await page
    .locator(`[data-figure="${id}"] [data-step]`)
    .nth(n - 1)
    .click();
}

/** A rendered tensor's shape and its cells' values by full index. */
export async function readTensor(page: Page, name: string) {
  const root = page.locator(`[data-tensor="${name}"]`).first();
  const shape = (await root.getAttribute('data-shape'))!.split(',').map(Number);
  const cells = await root
    .locator('[data-index]')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-index')!, Number(e.getAttribute('data-value'))] as const)
    );
  return { shape, values: new Map(cells) };
}

/**
 * One test per bad query: the page explains it (the first inline message contains `message`) and
 * still draws a tensor, never a blank figure.
 */
export function explainsBadInput(slug: string, cases: readonly (readonly [string, string])[]) {
  for (const [query, message] of cases) {
    test(`bad input ?${query} is explained and the figure still renders`, async ({ page }) => {
      await page.goto(`/${slug}?${query}`);
      const fig = await figureReady(page, slug);
      await expect(fig.locator('[data-message]').first()).toContainText(message);
      await expect(fig.locator('[data-tensor] rect').first()).toBeVisible();
    });
  }
}
