// Exercises beyond right and wrong: cell picking by keyboard only, class links
// (?exercise=…&variant=…), storage that throws or holds garbage, and axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { answer, ready } from './exercise-kit';
import { expected } from '../exercises/expected';

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
