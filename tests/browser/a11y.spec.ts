/**
 * Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA, plus best practices) on the home page and on
 * every chapter, in the light and the dark theme, at every step of every figure. The chapters are
 * the home page's links and the steps are the stepper's buttons, so pages and steps added later
 * are covered. One browser page per chapter: each step is visited once and checked in both themes
 * (all rules in the light theme; in the dark one the rule that depends on colours).
 *
 * A keyboard-only walk then reaches one masked cell of attn_mask and reads what a screen reader
 * would announce for it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, figureReady, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const THEMES = ['light', 'dark'] as const;
// Only colour contrast changes with the theme: the other rules run once per view.
const THEMED_RULES = ['color-contrast', 'link-in-text-block'];
// Chapters are split over this many tests (one or two chapters each), so the workers share them
// and a slow chapter does not hold the others' time budget.
const SHARDS = 8;

interface Finding {
  where: string;
  rule: string;
  nodes: number;
  sample: string;
}

async function setTheme(page: Page, theme: (typeof THEMES)[number]) {
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
}

/** axe on the whole page (or inside `scope`), in both themes; findings are collected, not thrown. */
async function audit(page: Page, where: string, found: Finding[], scope?: string) {
  for (const theme of THEMES) {
    await setTheme(page, theme);
    // Legacy mode runs axe in the page itself: the default (runPartial + finishRun) opens a blank
    // page for every run, which tripled the time; this site has no frames to reach into.
    let builder = new AxeBuilder({ page }).withTags(TAGS).setLegacyMode();
    if (theme !== 'light') builder = builder.withRules(THEMED_RULES);
    if (scope) builder = builder.include(scope);
    const { violations } = await builder.analyze();
    for (const v of violations)
      found.push({
        where: `${where} (${theme})`,
        rule: v.id,
        nodes: v.nodes.length,
        sample: `${v.nodes[0]?.target.join(' ')}: ${v.nodes[0]?.failureSummary?.split('\n')[1] ?? v.help}`
      });
  }
  await setTheme(page, 'light');
}

/** The chapter links of the home page, as paths. */
async function chapters(page: Page): Promise<string[]> {
  await page.goto('/');
  const hrefs = await page
    .locator('.chapter-list a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(hrefs.length).toBeGreaterThan(0);
  return hrefs;
}

/** Every figure of the page, at every step: the first step on the whole page, later ones inside. */
async function auditChapter(page: Page, path: string, found: Finding[]) {
  await page.goto(path);
  const ids = await page
    .locator('[data-figure]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-figure')!));
  for (const id of ids) await figureReady(page, id);
  await audit(page, `${path} default view`, found);
  for (const id of ids) {
    const fig = page.locator(`[data-figure="${id}"]`);
    const steps = fig.locator('[data-step]');
    const n = await steps.count();
    // A figure without a stepper (/trained-swinir's) has one view, audited above: asking it for
    // its current step would wait for one until the test's timeout.
    if (n === 0) continue;
    const first = await fig.locator('[aria-current="step"]').getAttribute('data-step');
    for (let i = 0; i < n; i++) {
      const step = steps.nth(i);
      const sid = await step.getAttribute('data-step');
      if (sid === first) continue; // seen in the page's default view
      await step.click();
      await expect(step).toHaveAttribute('aria-current', 'step');
      await expect(fig).toHaveAttribute('data-ready', 'true');
      await audit(page, `${path} ${id} step ${i + 1} (${sid})`, found, `[data-figure="${id}"]`);
    }
  }
}

function report(found: Finding[]) {
  const byRule = new Map<string, number>();
  for (const f of found) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + f.nodes);
  const lines = found.map((f) => `${f.where}: ${f.rule} ×${f.nodes} — ${f.sample}`);
  console.log(
    [`axe nodes by rule: ${JSON.stringify(Object.fromEntries(byRule))}`, ...lines].join('\n')
  );
}

test.describe('axe-core finds no violation', () => {
  // Each shard checks its chapters at every step in two themes (seconds on an idle machine; the
  // margin is for a shared, busy one).
  test.describe.configure({ timeout: 900_000 });

  test('on the home page, in both themes', async ({ page }) => {
    const found: Finding[] = [];
    await page.goto('/');
    await audit(page, '/', found);
    report(found);
    expect(found).toEqual([]);
  });

  test('on the lessons: the list, every slide of every lesson (presenter mode), the speaker view', async ({
    page
  }) => {
    const found: Finding[] = [];
    await page.goto('/lessons');
    await audit(page, '/lessons', found);
    const lessons = await page
      .locator('[data-lessons] a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(lessons.length).toBeGreaterThan(0);
    for (const path of lessons) {
      await page.goto(path);
      const slides = page.locator('nav.slides li button');
      const n = await slides.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        // Slide 1 is the page as loaded; later slides are reached as a teacher would, by PageDown.
        if (i > 0) await page.keyboard.press('PageDown');
        await expect(page.locator('[data-lesson]')).toHaveAttribute('data-slide', String(i + 1));
        const fig = page.locator('[data-figure]').first();
        await expect(fig).toHaveAttribute('data-ready', 'true');
        await audit(page, `${path} slide ${i + 1}`, found);
      }
      await page.goto(`${path}/speaker?slide=1`);
      await expect(page.locator('[data-speaker]')).toBeVisible();
      await audit(page, `${path}/speaker`, found);
    }
    report(found);
    expect(found).toEqual([]);
  });

  for (let shard = 0; shard < SHARDS; shard++) {
    test(`on every chapter at every step, both themes (chapters ${shard + 1} of every ${SHARDS})`, async ({
      page
    }) => {
      const found: Finding[] = [];
      const paths = (await chapters(page)).filter((_, i) => i % SHARDS === shard);
      for (const path of paths) {
        const t0 = Date.now();
        await auditChapter(page, path, found);
        console.log(`${path}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      report(found);
      expect(found).toEqual([]);
    });
  }
});

test('keyboard only: step 5 of /shifted-windows, then attn_mask[8, 0, 2] by PageDown and arrows', async ({
  page
}) => {
  await page.goto('/shifted-windows');
  const fig = await figureReady(page, 'shifted-windows');
  const focused = page.locator(':focus');
  /** Tab until the focused element matches `selector` (inside the figure). */
  async function tabTo(selector: string) {
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if (await focused.evaluate((el, s) => el.matches(s), selector).catch(() => false)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }
  await tabTo('[data-figure="shifted-windows"] [data-step]');
  await expect(focused).toHaveAttribute('aria-current', 'step');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(fig.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'fill');
  await expect(focused).toHaveAttribute('data-step', 'fill');
  // The step is announced in the figure's one live region.
  await expect(fig.locator('[data-announce]')).toContainText('Step 5 of 7');

  await tabTo('[data-tensor="attn_mask"] [role="gridcell"]');
  await expect(focused).toHaveAttribute('data-index', '0,0,0');
  for (let i = 0; i < 8; i++) await page.keyboard.press('PageDown');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAttribute('data-index', '8,0,2');
  const value = Number(await focused.getAttribute('data-value'));
  expect(value).toBe(-100);
  await expect(focused).toHaveAccessibleName(/^attn_mask\[8, 0, 2\] = −100/);
  await expect(focused).toHaveRole('gridcell');
  // The cell sits in a row of a grid, named by its window.
  expect(
    await focused.evaluate((el) => [
      el.parentElement?.getAttribute('role'),
      el.closest('[role="rowgroup"]')?.getAttribute('aria-label'),
      el.closest('[role="grid"]')?.getAttribute('aria-label')
    ])
  ).toEqual(['row', 'window 8', 'attn_mask, shape 9 by 9 by 9']);
  // Home, End and Ctrl+End move along the row and to the last cell.
  await page.keyboard.press('End');
  await expect(focused).toHaveAttribute('data-index', '8,0,8');
  await page.keyboard.press('Home');
  await expect(focused).toHaveAttribute('data-index', '8,0,0');
  await page.keyboard.press('Control+End');
  await expect(focused).toHaveAttribute('data-index', '8,8,8');
});
