import { expect, test } from './fixtures';

test('home lists every chapter in order, linking to prerendered pages', async ({ page }) => {
  await page.goto('/');
  const links = page.locator('.chapter-list a');
  expect(await links.count()).toBeGreaterThanOrEqual(1);
  await expect(links.first()).toHaveText('Window partition and reverse');
  await links.first().click();
  await expect(page).toHaveURL(/\/window-partition$/);
  await expect(page.locator('h1')).toHaveText('Window partition and reverse');
});

test('chapter has an outline, prev/next links, KaTeX math and highlighted code', async ({
  page
}) => {
  await page.goto('/window-partition');
  const outline = page.getByRole('navigation', { name: 'On this page' });
  await expect(outline.getByRole('link', { name: 'The way back' })).toHaveAttribute(
    'href',
    '#the-way-back'
  );
  await expect(page.locator('#the-way-back')).toHaveCount(1);
  await expect(page.locator('.katex').first()).toBeVisible();
  await expect(page.locator('pre.language-python .token.keyword').first()).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Chapters' }).getByRole('link').first()
  ).toBeVisible();
});

test('theme switch toggles dark mode and remembers it', async ({ page }) => {
  await page.goto('/');
  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  await page.getByRole('button', { name: /theme/ }).click();
  await expect(html).not.toHaveAttribute('data-theme', before!);
  await page.reload();
  await expect(html).not.toHaveAttribute('data-theme', before!);
});

test('the page icon is a 32×32 PNG, not an SVG', async ({ page }) => {
  // Chrome fetches the icon again after every history.replaceState (each settled URL write); an
  // SVG icon is then parsed into a new SVG document on the main thread (1.6–3.3 ms in a trace),
  // a 32×32 PNG decodes in ~0.1 ms.
  await page.goto('/unfold-fold');
  const link = page.locator('link[rel="icon"]');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('type', 'image/png');
  const res = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
  expect(res.status()).toBe(200);
  const png = await res.body();
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('prose, math and code are readable and the figure says it needs JavaScript', async ({
    page
  }) => {
    await page.goto('/window-partition');
    await expect(page.locator('h2#split-permute-flatten')).toBeVisible();
    await expect(page.locator('.katex').first()).toBeVisible();
    await expect(page.locator('pre.language-python')).toBeVisible();
    await expect(page.locator('[data-figure="window-partition"]')).toContainText(
      'needs JavaScript'
    );
  });
});
