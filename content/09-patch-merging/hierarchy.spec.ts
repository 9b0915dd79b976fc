/** The hierarchy table under /patch-merging: Swin-T's stages computed by the chapter's real ops. */
import type { Page } from '@playwright/test';
import { expect, figureReady, test } from '../../tests/browser/fixtures';

const ID = 'patch-merging';

/** The hierarchy table's stages as its rows carry them: [resolution, channels, tokens]. */
function readStages(page: Page) {
  return page
    .locator('[data-hierarchy] [data-table="hierarchy"] tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('data-resolution'),
        Number(r.getAttribute('data-channels')),
        Number(r.getAttribute('data-tokens'))
      ])
    );
}
/** Open the page at `query` and wait for the hierarchy table's section. */
async function hierarchyAt(page: Page, query = '') {
  await page.goto(`/patch-merging${query}`);
  const table = page.locator('[data-hierarchy]');
  await expect(table).toHaveAttribute('data-ready', 'true');
  return table;
}
/** Swin-T at side `img`: PatchEmbed's /4, then three merges halving the side and doubling C. */
const swinStages = (img: number) =>
  [0, 1, 2, 3].map((s) => {
    const r = img / 4 / 2 ** s;
    return [`${r}x${r}`, 96 * 2 ** s, r * r];
  });

test("the hierarchy table runs Swin-T's real ops: 56²×96 → 7²×768 at 224, 4.49 G", async ({
  page
}) => {
  const table = await hierarchyAt(page);
  expect(await readStages(page)).toEqual(swinStages(224));
  await expect(table.locator('[data-total]')).toHaveAttribute('data-total', '4494292224');
  const input = table.locator('input[name="img_size"]');
  await expect(input).toHaveAttribute('step', '32');
  await input.fill('200');
  await input.press('Enter');
  await expect(table.locator('[data-message]')).toContainText(
    'img_size=200 is not a multiple of 32'
  );
  // Never blank: the nearest valid size, 192, is shown.
  await expect(table.locator('[data-table="hierarchy"]')).toHaveAttribute('data-img-size', '192');
  await expect(page).toHaveURL(/img_size=192/);
  await input.fill('384');
  await input.press('Enter');
  await expect(table.locator('[data-message]')).toHaveCount(0);
  await expect(table.locator('[data-table="hierarchy"]')).toHaveAttribute('data-img-size', '384');
  expect(await readStages(page)).toEqual(swinStages(384));
  await expect(table.locator('[data-table="restormer-levels"] tr').last()).toHaveAttribute(
    'data-shape',
    '0,384,48,48'
  );
  await expect(page).toHaveURL(/img_size=384/);
});

test('?img_size= sets the table, and the figure keeps it in the URL beside its own', async ({
  page
}) => {
  const table = await hierarchyAt(page, '?img_size=448&C=2');
  await expect(table.locator('input[name="img_size"]')).toHaveValue('448');
  await expect(table.locator('[data-table="hierarchy"]')).toHaveAttribute('data-img-size', '448');
  expect(await readStages(page)).toEqual(swinStages(448));
  expect(await readStages(page)).not.toEqual(swinStages(224));
  // 448 = 2 · 224: window 7 tiles every stage, so no window note.
  await expect(table.locator('[data-window-note]')).toHaveCount(0);
  // Stepping the figure rewrites the URL: img_size stays.
  const fig = await figureReady(page, ID);
  await fig.locator('[aria-current="step"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=2/);
  await expect(page).toHaveURL(/C=2/);
  await expect(page).toHaveURL(/img_size=448/);
  await page.reload();
  await expect(table.locator('[data-table="hierarchy"]')).toHaveAttribute('data-img-size', '448');
});

test("img_size=384: the table runs, and notes that Swin-T's window 7 cannot tile 96×96", async ({
  page
}) => {
  const table = await hierarchyAt(page, '?img_size=384');
  expect(await readStages(page)).toEqual(swinStages(384));
  await expect(table.locator('[data-window-note]')).toContainText('stage 1 is 96×96');
  await expect(table.locator('[data-window-note]')).toContainText(
    `${((96 * 96) / 49).toFixed(2)} at stage 1`
  );
});

for (const [query, message, shown] of [
  ['img_size=100', 'img_size=100 is not a multiple of 32', '96'],
  ['img_size=226', "PatchEmbed's stride-4 Conv2d would drop the last 2 row(s)", '224'],
  ['img_size=100000', 'img_size=100000 is above the maximum 832', '832'],
  ['img_size=big', 'img_size="big" is not a number; using the default 224.', '224']
]) {
  test(`bad ?${query} is explained with the rule and the nearest table is shown`, async ({
    page
  }) => {
    const table = await hierarchyAt(page, `?${query}`);
    await expect(table.locator('[data-message]').first()).toContainText(message);
    await expect(table.locator('[data-message]').first()).toContainText(/multiple of 32/);
    await expect(table.locator('[data-table="hierarchy"]')).toHaveAttribute('data-img-size', shown);
    expect(await readStages(page)).toEqual(swinStages(Number(shown)));
    // The figure is not affected.
    await expect(await figureReady(page, ID)).not.toContainText('img_size');
  });
}
