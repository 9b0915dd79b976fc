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

test('the icon is a 32×32 PNG, also when fetched after a URL write', async ({ page }) => {
  // Chrome fetches the icon again after every history.replaceState; an SVG icon was parsed into a
  // new SVG document on the main thread each time (2–3 ms), a 32×32 PNG decodes in ~0.1 ms.
  const icons: string[] = [];
  page.on('request', (r) => {
    if (/favicon/.test(r.url())) icons.push(r.url());
  });
  await page.goto('/unfold-fold');
  const link = page.locator('link[rel="icon"]');
  await expect(link).toHaveAttribute('type', 'image/png');
  const res = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
  expect(res.status()).toBe(200);
  const png = await res.body();
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
  const fig = page.locator('[data-figure="unfold-fold"]');
  await expect(fig).toHaveAttribute('data-ready', 'true');
  await fig.locator('input[name="seed"]').fill('3');
  await fig.locator('input[name="seed"]').press('Enter');
  await expect(page).toHaveURL(/seed=3/);
  await expect.poll(() => icons.length).toBeGreaterThanOrEqual(1);
  expect(icons.every((u) => u.endsWith('/favicon.png'))).toBe(true);
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
