// A student on a phone and a teacher on a 1024-px projector: the home page, the lessons list and
// every chapter at every step of every figure fit the width (presenter mode is the presenter
// specs', lesson slides on a phone classroom-phone.spec.ts's). Wide tensors, tables, code and formulas scroll inside their own boxes;
// plots, the matmul and the index arrows are laid out at the column width (scaled down only past
// their floors: a plot's minimum width, the matmul's 6-px cells, the arrows' 40-px run); long
// words in prose break. A failure names what sticks out.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, figureReady, test } from './fixtures';

const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'projector', width: 1024, height: 768 }
] as const;

/** How far the page scrolls sideways, and the outermost elements that make it (at most five). */
async function sideways(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (/auto|scroll|hidden|clip/.test(style.overflowX)) return true;
      }
      return false;
    };
    const sticksOut = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > width + 1 && !clipped(el);
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (out.length === 5) break;
      const parent = el.parentElement;
      if (!sticksOut(el) || (parent && parent !== document.body && sticksOut(parent))) continue;
      const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
      const right = Math.round(el.getBoundingClientRect().right);
      out.push(`${el.tagName.toLowerCase()}${cls ? '.' + cls : ''} right=${right}`);
    }
    return { by: document.documentElement.scrollWidth - width, out };
  });
}

async function chapterPaths(page: Page): Promise<string[]> {
  await page.goto('/');
  return page
    .locator('.chapter-list a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

for (const screen of SCREENS) {
  test.describe(`${screen.name} (${screen.width}×${screen.height})`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });
    test.describe.configure({ timeout: 300_000 });

    test('the home page and the lessons list fit the width', async ({ page }) => {
      for (const path of ['/', '/lessons']) {
        await page.goto(path);
        expect(await sideways(page), path).toEqual({ by: 0, out: [] });
      }
    });

    test('the export and link disclosures are at least 24 px tall (WCAG 2.5.8)', async ({
      page
    }) => {
      await page.goto('/window-partition');
      await figureReady(page, 'window-partition');
      const heights = await page
        .locator('[data-figure] summary')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(heights.length).toBeGreaterThan(1);
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(24);
    });

    test('plots are laid out at the column width: their labels stay 11 px', async ({ page }) => {
      // Scaled down by their viewBox instead, the labels were ~7 px on a 390-px phone.
      for (const [path, count] of [
        ['/window-attention', 1],
        ['/restormer', 2],
        ['/trained-swinir', 1]
      ] as const) {
        await page.goto(path);
        const plots = page.locator('[data-plot] > svg');
        await expect(plots).toHaveCount(count);
        for (let i = 0; i < count; i++) {
          const svg = plots.nth(i);
          await svg.scrollIntoViewIfNeeded();
          await expect(svg.locator('text').first()).toBeVisible();
          const { drawn, laidOut, text } = await svg.evaluate((el: SVGSVGElement) => ({
            drawn: el.getBoundingClientRect().width,
            laidOut: el.viewBox.baseVal.width,
            text: el.querySelector('text')!.getBoundingClientRect().height
          }));
          const what = `${path} plot ${i + 1}`;
          expect(drawn, what).toBeLessThanOrEqual(screen.width);
          expect(Math.abs(drawn - laidOut), `${what}: drawn at its own size`).toBeLessThanOrEqual(
            1
          );
          expect(text, what).toBeGreaterThanOrEqual(12); // an 11-px line box
        }
      }
    });

    test('the matmul and the index arrows keep 11-px labels: the matmul cells and the arrow run shrink instead', async ({
      page
    }) => {
      // Scaled down whole by their viewBox, their labels were ~7–8 px on a 390-px phone.
      const drawnAtOwnSize = (el: SVGSVGElement) => ({
        drawn: el.getBoundingClientRect().width,
        laidOut: el.viewBox.baseVal.width
      });
      await page.goto('/window-attention');
      const matmul = page.locator('[data-matmul] svg');
      await matmul.scrollIntoViewIfNeeded();
      const m = await matmul.evaluate(drawnAtOwnSize);
      expect(m.drawn).toBeLessThanOrEqual(screen.width);
      expect(Math.abs(m.drawn - m.laidOut), 'matmul drawn at its own size').toBeLessThanOrEqual(1);
      for (const label of await matmul.locator('text.label').all())
        expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(12);
      await page.goto('/ttsr-search-transfer?step=5');
      await figureReady(page, 'ttsr-search-transfer');
      const arrows = page.locator('.arrows-box');
      await arrows.scrollIntoViewIfNeeded();
      const a = await arrows.locator('svg').evaluate(drawnAtOwnSize);
      expect(a.drawn).toBeLessThanOrEqual(screen.width);
      expect(Math.abs(a.drawn - a.laidOut), 'arrows drawn at their own size').toBeLessThanOrEqual(
        1
      );
      // Its labels are HTML above the drawing: unscaled, and inside the column.
      const column = (await arrows.boundingBox())!;
      await expect(arrows.locator('.labels span')).toHaveCount(2);
      for (const label of await arrows.locator('.labels span').all()) {
        const box = (await label.boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(12); // an 11-px line box
        expect(box.x + box.width).toBeLessThanOrEqual(column.x + column.width + 0.5);
      }
    });

    test('every chapter fits the width at every step of every figure', async ({ page }) => {
      const paths = await chapterPaths(page);
      expect(paths.length).toBeGreaterThan(8);
      for (const path of paths) {
        await page.goto(path);
        const ids = await page
          .locator('[data-figure]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-figure')!));
        for (const id of ids) await figureReady(page, id);
        expect(await sideways(page), `${path}, as loaded`).toEqual({ by: 0, out: [] });
        // A code, formula or table box that scrolls must be reachable by keyboard: when a reader
        // reaches it (off screen, content-visibility: auto leaves it unmeasured), and still after
        // it leaves the screen again.
        const unreachable = await page.evaluate(async (boxes) => {
          const frames = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
          const scrolls: Element[] = [];
          const missing: string[] = [];
          for (const [k, el] of [...document.querySelectorAll(boxes)].entries()) {
            el.scrollIntoView();
            await frames();
            if (el.scrollWidth <= el.clientWidth + 1) continue;
            scrolls.push(el);
            if (el.getAttribute('tabindex') !== '0') missing.push(`box ${k} on screen`);
          }
          window.scrollTo(0, 0);
          await frames();
          for (const el of scrolls)
            if (el.getAttribute('tabindex') !== '0') missing.push(`${el.className} off screen`);
          return missing;
        }, 'pre, .katex-display, .table-scroll');
        expect(unreachable, path).toEqual([]);
        const axe = await new AxeBuilder({ page })
          .withRules(['scrollable-region-focusable'])
          .setLegacyMode()
          .analyze();
        expect(
          axe.violations.map((v) => v.nodes.map((n) => n.target.join(' '))),
          path
        ).toEqual([]);
        for (const id of ids) {
          const fig = page.locator(`[data-figure="${id}"]`);
          const steps = fig.locator('[data-step]');
          const n = await steps.count();
          for (let i = 1; i < n; i++) {
            await steps.nth(i).click();
            await expect(steps.nth(i)).toHaveAttribute('aria-current', 'step');
            await expect(fig).toHaveAttribute('data-ready', 'true');
            expect(await sideways(page), `${path} ${id} step ${i + 1}`).toEqual({ by: 0, out: [] });
          }
        }
      }
    });
  });
}
