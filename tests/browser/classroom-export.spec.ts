// Export of every tensor view: .npy (parsed here, independently of the app), SVG, PNG at 2×, JSON,
// "Copy as PyTorch"; the full data even beyond the drawing cap; the menu passes axe.
import AxeBuilder from '@axe-core/playwright';
import { exportFile, parseNpy } from './export';
import { expect, figureReady, readTensor, test } from './fixtures';

test.describe('attn_mask at step 5 of /shifted-windows', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/shifted-windows?step=5');
    await figureReady(page, 'shifted-windows');
  });

  test('attn_mask.npy loads with the page shape and data-values', async ({ page }) => {
    const shown = await readTensor(page, 'attn_mask');
    const npy = parseNpy(await exportFile(page, 'attn_mask', 'npy'));
    expect(npy.descr).toBe('<f4');
    expect(npy.shape).toEqual(shown.shape);
    expect(npy.data.length).toBe(shown.values.size);
    const [, n1, n2] = npy.shape;
    for (const [index, value] of shown.values) {
      const [w, i, j] = index.split(',').map(Number);
      expect(npy.data[(w * n1 + i) * n2 + j], index).toBe(value);
    }
    expect(npy.data.filter((v) => v === -100).length).toBeGreaterThan(0);
  });

  test('attn_mask.svg is valid SVG with the name, cells and values', async ({ page }) => {
    const svg = (await exportFile(page, 'attn_mask', 'svg')).toString('utf8');
    expect(svg).toContain('attn_mask');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        cells: doc.querySelectorAll('g[data-index] rect').length
      };
    }, svg);
    expect(parsed).toEqual({ error: null, root: 'svg', cells: 729 });
  });

  test('attn_mask.png is a PNG at twice the SVG size', async ({ page }) => {
    const svg = (await exportFile(page, 'attn_mask', 'svg')).toString('utf8');
    const png = await exportFile(page, 'attn_mask', 'png');
    expect(png.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))).toBe(true);
    const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
    expect(png.readUInt32BE(16)).toBe(Math.ceil(width * 2)); // IHDR width
  });

  test('attn_mask.json is {name, shape, dtype, data}', async ({ page }) => {
    const shown = await readTensor(page, 'attn_mask');
    const json = JSON.parse((await exportFile(page, 'attn_mask', 'json')).toString('utf8'));
    expect(json.name).toBe('attn_mask');
    expect(json.shape).toEqual(shown.shape);
    expect(json.dtype).toBe('float32');
    expect(json.data).toEqual(
      [...shown.values.entries()].sort((a, b) => compareIndex(a[0], b[0])).map(([, v]) => v)
    );
  });

  test('Copy as PyTorch puts a runnable snippet on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const shown = await readTensor(page, 'attn_mask');
    const menu = page.locator('details:has([data-export-for="attn_mask"])');
    await menu.locator('summary').click();
    await menu.locator('[data-format="pytorch"]').click();
    await expect(menu.getByRole('status')).toContainText('Copied');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('import torch');
    expect(text).toContain('attn_mask = torch.tensor([');
    expect(text).toContain(`dtype=torch.float32).reshape((${shown.shape.join(', ')}))`);
    expect(text.match(/-100\.0/g)!.length).toBe(
      [...shown.values.values()].filter((v) => v === -100).length
    );
  });

  test('the shifted_x snippet names the call the page shows', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('[data-step="roll"]').click();
    const menu = page.locator('details:has([data-export-for="shifted_x"])');
    await menu.locator('summary').click();
    await menu.locator('[data-format="pytorch"]').click();
    await expect(menu.getByRole('status')).toContainText('Copied');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(
      '# As the page computes it: torch.roll(x, shifts=(-1, -1), dims=(1, 2))'
    );
  });

  test('the open export menu passes axe', async ({ page }) => {
    await page.locator('details:has([data-export-for="attn_mask"]) summary').click();
    const result = await new AxeBuilder({ page }).include('details.export').analyze();
    expect(result.violations).toEqual([]);
  });
});

function compareIndex(a: string, b: string) {
  const x = a.split(',').map(Number);
  const y = b.split(',').map(Number);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

test('a tensor past the drawing cap still exports all its values', async ({ page }) => {
  await page.goto('/window-partition?H=64&W=64&C=4');
  const fig = await figureReady(page, 'window-partition');
  const root = fig.locator('.views [data-tensor]').first();
  const name = (await root.getAttribute('data-tensor'))!;
  const shape = (await root.getAttribute('data-shape'))!.split(',').map(Number);
  const total = shape.reduce((a, b) => a * b, 1);
  expect(await root.locator('rect.cell').count()).toBeLessThan(total);
  const npy = parseNpy(await exportFile(page, name, 'npy'));
  expect(npy.shape).toEqual(shape);
  expect(npy.data.length).toBe(total);
});
