// Lesson links: lock= makes controls read-only, hide= hides parts, bad names are explained, and
// "Link to this view" writes such a link.
import AxeBuilder from '@axe-core/playwright';
import { expect, figureReady, test } from './fixtures';

test('?H=9&W=9&lock=H,W&hide=code: H and W read-only, shift_size editable, no code', async ({
  page
}) => {
  await page.goto('/shifted-windows?H=9&W=9&lock=H,W&hide=code');
  const fig = await figureReady(page, 'shifted-windows');
  for (const name of ['H', 'W']) {
    await expect(fig.locator(`input[name="${name}"]`)).toBeDisabled();
    await expect(fig.locator(`input[name="${name}"]`)).toHaveValue('9');
  }
  await expect(fig.locator('input[name="shift_size"]')).toBeEditable();
  await expect(fig.locator('.code-panel')).toHaveCount(0);
  await expect(fig.locator('[data-check]').first()).toBeVisible(); // checks not hidden
  // The options stay in the URL as the view changes, so the link can be passed on.
  await fig.locator('input[name="shift_size"]').fill('0');
  await fig.locator('input[name="shift_size"]').press('Enter');
  await expect(page).toHaveURL(/shift_size=0/);
  await expect(page).toHaveURL(/lock=H,W/);
  await expect(page).toHaveURL(/hide=code/);
});

test('hide=checks,controls hides the live checks and the controls', async ({ page }) => {
  await page.goto('/shifted-windows?hide=checks,controls');
  const fig = await figureReady(page, 'shifted-windows');
  await expect(fig.locator('[data-check]')).toHaveCount(0);
  await expect(fig.locator('input[name="H"]')).toHaveCount(0);
  await expect(fig.locator('.code-panel')).toBeVisible();
});

test('unknown names in lock and hide are explained, never fatal', async ({ page }) => {
  await page.goto('/shifted-windows?lock=H,heads&hide=prose');
  const fig = await figureReady(page, 'shifted-windows');
  const messages = fig.locator('[data-message]');
  await expect(messages.filter({ hasText: 'lock=heads' })).toContainText('no parameter "heads"');
  await expect(messages.filter({ hasText: 'hide=prose' })).toContainText('can be hidden');
  await expect(fig.locator('input[name="H"]')).toBeDisabled();
  await expect(fig.locator('[data-tensor] rect').first()).toBeVisible();
});

test('"Link to this view" gives the parameters, the step and the ticked locks and hides', async ({
  page
}) => {
  await page.goto('/shifted-windows?H=12&W=12');
  const fig = await figureReady(page, 'shifted-windows');
  await fig.locator('[data-step="labels"]').click();
  const box = fig.locator('details.view-link');
  await box.locator('summary').click();
  await box.getByRole('checkbox', { name: 'window_size' }).check();
  await box.getByRole('checkbox', { name: 'H', exact: true }).check();
  await box.getByRole('checkbox', { name: 'code' }).check();
  const axe = await new AxeBuilder({ page }).include('.figure-bar').analyze();
  expect(axe.violations).toEqual([]);
  const link = await box.locator('[data-view-link]').inputValue();
  const url = new URL(link);
  expect(url.pathname).toBe('/shifted-windows');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    H: '12',
    W: '12',
    step: '2',
    lock: 'H,window_size',
    hide: 'code'
  });
  await page.goto(link);
  const again = await figureReady(page, 'shifted-windows');
  await expect(again.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'labels');
  await expect(again.locator('input[name="window_size"]')).toBeDisabled();
  await expect(again.locator('input[name="W"]')).toBeEnabled();
  await expect(again.locator('.code-panel')).toHaveCount(0);
});
