// Every exercise of every chapter, in the browser: a wrong answer is explained, the right answer
// (computed here from data-params, independently of the page) is accepted, New variant changes
// the parameters, and the solved count survives a reload. Plus: cell picking by keyboard only,
// class links (?exercise=…&variant=…), storage that throws or holds garbage, and axe.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expected, wrongAnswer, type Expected } from '../exercises/expected';
import { namedMistakes, namesAnswer } from '../exercises/named-mistakes';

async function ready(page: Page, id: string) {
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
async function answer(ex: Locator, a: Expected, right?: Expected) {
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
async function checkFor(ex: Locator, state: 'correct' | 'incorrect') {
  await expect(async () => {
    await ex.locator('[data-check]').click();
    await expect(ex).toHaveAttribute('data-state', state, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
}

for (const [slug, byId] of Object.entries(expected)) {
  const n = Object.keys(byId).length;
  for (const [id, solve] of Object.entries(byId)) {
    test(`/${slug} ${id}: wrong is explained, right is correct, new variant, progress kept`, async ({
      page
    }) => {
      await page.goto(`/${slug}`);
      const progress = page.locator('[data-progress]');
      await expect(progress).toHaveAttribute('data-progress', `0/${n}`);
      const { ex, params } = await ready(page, id);
      await expect(ex).toHaveAttribute('data-state', 'unanswered');
      const right = solve(params);

      await answer(ex, wrongAnswer(right, params), right);
      await checkFor(ex, 'incorrect');
      await expect(ex.locator('[data-feedback]')).toContainText(/Not quite\. \S+/);
      await expect(progress).toHaveAttribute('data-progress', `0/${n}`);

      await answer(ex, right);
      await checkFor(ex, 'correct');
      await expect(progress).toHaveAttribute('data-progress', `1/${n}`);

      await ex.locator('[data-hint]').click();
      await expect(ex.locator('[data-hint-text]')).toContainText('Hint:');
      await ex.locator('[data-reveal]').click();
      await expect(ex.locator('[data-revealed]')).toBeVisible();

      const before = await ex.getAttribute('data-params');
      await ex.locator('[data-new-variant]').click();
      await expect(ex).not.toHaveAttribute('data-params', before!);
      await expect(ex).toHaveAttribute('data-state', 'unanswered');

      await page.reload();
      await expect(progress).toHaveAttribute('data-progress', `1/${n}`);
      await expect(page.locator(`[data-exercise="${id}"]`)).toHaveAttribute('data-solved', 'true');
      await progress.locator('[data-reset-progress]').click();
      await expect(progress).toHaveAttribute('data-progress', `0/${n}`);
    });
  }
}

for (const [slug, byId] of Object.entries(namedMistakes))
  for (const [id, list] of Object.entries(byId))
    list.forEach((mistake, n) =>
      test(`/${slug} ${id}: the mistake "${mistake.message}" is named`, async ({ page }) => {
        await page.goto(`/${slug}`);
        let { ex, params } = await ready(page, id);
        // New variants until this mistake gives a wrong answer of its own.
        for (let i = 0; !namesAnswer(list, n, params, expected[slug][id](params)); i++) {
          expect(i, 'a variant where the mistake applies').toBeLessThan(30);
          const before = await ex.getAttribute('data-params');
          await ex.locator('[data-new-variant]').click();
          await expect(ex).not.toHaveAttribute('data-params', before!);
          ({ ex, params } = await ready(page, id));
        }
        await answer(ex, mistake.answer(params));
        await ex.locator('[data-check]').click();
        await expect(ex).toHaveAttribute('data-state', 'incorrect');
        const feedback = ex.locator('[data-feedback]');
        await expect(feedback).toContainText('Not quite.');
        await expect(feedback).toContainText(mistake.message);
      })
    );

test('a cell-picking exercise solved with the keyboard only', async ({ page }) => {
  await page.goto('/shifted-windows');
  const { ex, params } = await ready(page, 'masked-keys');
  const keys = expected['shifted-windows']['masked-keys'](params).value as string[];
  await ex.focus();
  await page.keyboard.press('Tab');
  await expect(ex.locator('[data-key="0"]')).toBeFocused();
  const N = params.window_size ** 2;
  for (let j = 0; j < N; j++) {
    if (j > 0) await page.keyboard.press('ArrowRight');
    await expect(ex.locator(`[data-key="${j}"]`)).toBeFocused();
    if (keys.includes(String(j))) await page.keyboard.press(j % 2 ? 'Space' : 'Enter');
  }
  // Arrow keys stay inside the grid: Down from the last row does not leave it.
  await page.keyboard.press('ArrowDown');
  await expect(ex.locator(`[data-key="${N - 1}"]`)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ex.locator('[data-check]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ex).toHaveAttribute('data-state', 'correct');
  await expect(ex.locator('[role="status"]')).toContainText('Correct');
  // Up from the first row, Home and End move within the grid too.
  await ex.locator('[data-key="0"]').focus();
  await page.keyboard.press('End');
  await expect(ex.locator(`[data-key="${params.window_size - 1}"]`)).toBeFocused();
});

test('a class link opens that exercise with that variant, scrolled to and focused', async ({
  page,
  browser
}) => {
  await page.goto('/relative-position-bias');
  const { ex } = await ready(page, 'relative-position-index');
  await ex.locator('[data-new-variant]').click();
  await ex.locator('[data-new-variant]').click();
  const shared = await ex.getAttribute('data-params');
  const href = await ex.locator('[data-variant-link]').getAttribute('href');
  expect(href).toMatch(/\/relative-position-bias\?exercise=relative-position-index&variant=\d+$/);

  const student = await browser.newPage();
  await student.goto(href!);
  const theirs = student.locator('[data-exercise="relative-position-index"]');
  await expect(theirs).toHaveAttribute('data-params', shared!);
  await expect(theirs).toBeFocused();
  await expect(theirs).toBeInViewport();
  // The figure above writes its own view into the URL; the class link stays in it (a reload
  // opens the same exercise and variant).
  await student.locator('[data-figure] [data-step]').nth(1).click();
  await expect(student).toHaveURL(/step=2/);
  expect(student.url()).toContain(href!.split('?')[1]);
  // Other exercises keep their own default variant.
  const other = (await ready(student, 'table-rows')).params;
  await page.reload();
  expect((await ready(page, 'table-rows')).params).toEqual(other);
  // The answer computed here for the shared parameters is accepted on the student's page.
  const right = expected['relative-position-bias']['relative-position-index'](JSON.parse(shared!));
  await answer(theirs, right);
  await theirs.locator('[data-check]').click();
  await expect(theirs).toHaveAttribute('data-state', 'correct');
  await student.close();
});

test('a bad variant in a link is explained, not thrown', async ({ page }) => {
  await page.goto('/window-attention?exercise=q-shape&variant=banana');
  const { ex } = await ready(page, 'q-shape');
  await expect(ex.locator('[data-message]')).toContainText(
    'variant=banana is not a variant number'
  );
});

test('storage that throws: exercises still work, progress is not kept, nothing throws', async ({
  page
}) => {
  await page.addInitScript(() => {
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    Storage.prototype.getItem = fail;
    Storage.prototype.setItem = fail;
  });
  await page.goto('/window-attention');
  const { ex, params } = await ready(page, 'q-shape');
  await answer(ex, expected['window-attention']['q-shape'](params));
  await ex.locator('[data-check]').click();
  await expect(ex).toHaveAttribute('data-state', 'correct');
  const progress = page.locator('[data-progress]');
  await expect(progress).toHaveAttribute('data-progress', '1/3');
  await expect(progress.locator('[data-storage="unavailable"]')).toBeVisible();
  await page.reload();
  await expect(progress).toHaveAttribute('data-progress', '0/3');
});

for (const [what, stored] of [
  ['corrupted JSON', '{"window-attention": ["q-sha'],
  ['foreign data', JSON.stringify({ 'window-attention': ['no-such', 42, { x: 1 }], x: 'y' })],
  ['a non-object', '[1,2,3]']
]) {
  test(`stored progress with ${what} is ignored`, async ({ page }) => {
    await page.addInitScript((text) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('attention-unrolled:exercises:v1', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, stored);
    await page.goto('/window-attention');
    const progress = page.locator('[data-progress]');
    await expect(progress).toHaveAttribute('data-progress', '0/3');
    const { ex, params } = await ready(page, 'attn-entries');
    await answer(ex, expected['window-attention']['attn-entries'](params));
    await ex.locator('[data-check]').click();
    await expect(progress).toHaveAttribute('data-progress', '1/3');
    await page.reload();
    await expect(progress).toHaveAttribute('data-progress', '1/3');
  });
}

test('exercises and progress have no axe violations, answered and revealed', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/unfold-fold');
    for (const id of Object.keys(expected['unfold-fold'])) {
      const { ex } = await ready(page, id);
      await ex.locator('[data-check]').click();
      await ex.locator('[data-hint]').click();
      await ex.locator('[data-reveal]').click();
    }
    const { ex } = await ready(page, 'overlap-count');
    await ex.locator('input[type="text"]').fill('1000');
    await ex.locator('[data-check]').click();
    await expect(ex).toHaveAttribute('data-state', 'incorrect');
    const picker = page.locator('[data-exercise="patch-pixels"] [data-key]').first();
    await picker.click();
    const result = await new AxeBuilder({ page })
      .include('[data-exercise]')
      .include('[data-progress]')
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
});
