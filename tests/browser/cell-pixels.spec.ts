// Tensors drawn without numbers are one canvas pixel per cell, scaled up by CSS (cell-pixels.ts).
// These tests read what Chromium puts on screen: each cell shows its own pixel's colour, the
// colour follows the value, and hover fading reaches the pixels.
import { expect, figureReady, test } from './fixtures';
import type { Page } from '@playwright/test';

type Rgb = [number, number, number];

/** The colour on screen at page point (x, y): a screenshot, decoded by the page itself. */
async function onScreen(page: Page, points: { x: number; y: number }[]): Promise<Rgb[]> {
  const shot = (await page.screenshot({ fullPage: false })).toString('base64');
  return page.evaluate(
    async ([b64, pts]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return pts.map(
        ({ x, y }) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3)) as Rgb
      );
    },
    [shot, points] as const
  );
}

/** Centre (viewport px) of each cell, its value, and its pixel on the lattice canvas it lies on. */
async function cells(page: Page, tensor: string, indices: string[]) {
  return page.evaluate(
    ([tensor, indices]) => {
      const root = document.querySelector(`[data-tensor="${tensor}"]`)!;
      return indices.map((index) => {
        const rect = root.querySelector(`rect[data-index="${index}"]`)!;
        const box = rect.getBoundingClientRect();
        const [cx, cy] = [box.x + box.width * 0.6, box.y + box.height * 0.6];
        const canvas = [...root.querySelectorAll<HTMLCanvasElement>('canvas.pixels')].find((c) => {
          const b = c.getBoundingClientRect();
          return cx >= b.left && cx < b.right && cy >= b.top && cy < b.bottom;
        })!;
        const b = canvas.getBoundingClientRect();
        const px = Math.floor(((cx - b.left) / b.width) * canvas.width);
        const py = Math.floor(((cy - b.top) / b.height) * canvas.height);
        const rgba = canvas.getContext('2d')!.getImageData(px, py, 1, 1).data;
        return {
          x: Math.round(cx),
          y: Math.round(cy),
          value: Number(rect.getAttribute('data-value')),
          pixel: Array.from(rgba.slice(0, 3)) as [number, number, number]
        };
      });
    },
    [tensor, indices] as const
  );
}

const near = (a: Rgb, b: Rgb) => a.every((v, i) => Math.abs(v - b[i]) <= 2);

test('qkv_linear is one pixel per cell; each cell shows its pixel; colours follow values', async ({
  page
}) => {
  await page.goto('/window-attention');
  const fig = await figureReady(page, 'window-attention');
  const grid = fig.locator('[data-tensor="qkv_linear"]');
  // [4, 16, 18]: four facets of 16 × 18 cells, each its own 18 × 16-pixel canvas.
  const canvases = grid.locator('canvas.pixels');
  await expect(canvases).toHaveCount(4);
  const cell = Number(await grid.locator('rect[data-index="0,0,0"]').getAttribute('width'));
  for (const c of await canvases.all()) {
    expect(await c.evaluate((el: HTMLCanvasElement) => [el.width, el.height])).toEqual([18, 16]);
    const box = (await c.boundingBox())!;
    expect([box.width, box.height]).toEqual([18 * cell, 16 * cell]);
  }
  // x shows its numbers: drawn on one full-size canvas, not in pixels.
  await expect(fig.locator('[data-tensor="x"] canvas.pixels')).toHaveCount(0);
  await expect(fig.locator('[data-tensor="x"] canvas')).toHaveCount(1);

  await grid.locator('rect[data-index="1,5,7"]').scrollIntoViewIfNeeded();
  // Facets 0 and 1 share the first row of facets, on screen together.
  const picked = ['0,0,0', '1,5,7', '0,15,17', '1,8,0', '0,3,12', '1,0,1'];
  const before = await cells(page, 'qkv_linear', picked);
  const seen = await onScreen(page, before);
  before.forEach((c, i) =>
    expect(near(seen[i], c.pixel), `${picked[i]}: ${seen[i]} vs ${c.pixel}`).toBe(true)
  );
  // The colour follows the value: the cell of largest |value| is an end of the colour scale, so
  // its pixel is the legend's end colour on that side (one table gives both, color.ts).
  const [extreme, ends] = await grid.evaluate((root) => {
    const norm = document.createElement('canvas').getContext('2d')!;
    const hex = (c: string) => ((norm.fillStyle = c), String(norm.fillStyle));
    const stops = [...root.querySelectorAll('.legend stop')].map((s) =>
      s.getAttribute('stop-color')!
    );
    const all = [...root.querySelectorAll('rect[data-value]')];
    const top = all.reduce((m, r) =>
      Math.abs(Number(r.getAttribute('data-value'))) >
      Math.abs(Number(m.getAttribute('data-value')))
        ? r
        : m
    );
    return [top.getAttribute('data-index')!, [hex(stops[0]), hex(stops[stops.length - 1])]];
  });
  await grid.locator(`rect[data-index="${extreme}"]`).scrollIntoViewIfNeeded();
  const [top] = await cells(page, 'qkv_linear', [extreme]);
  const toHex = (p: Rgb) => '#' + p.map((v) => v.toString(16).padStart(2, '0')).join('');
  expect(toHex(top.pixel)).toBe(top.value > 0 ? ends[1] : ends[0]);

  // A new seed: new values, new pixels, and the screen shows them.
  await fig.locator('input[name="seed"]').fill('1');
  await fig.locator('input[name="seed"]').dispatchEvent('change');
  await expect(grid.locator('rect[data-index="1,5,7"]')).not.toHaveAttribute(
    'data-value',
    String(before[1].value)
  );
  await figureReady(page, 'window-attention');
  await grid.locator('rect[data-index="1,5,7"]').scrollIntoViewIfNeeded();
  const after = await cells(page, 'qkv_linear', picked);
  expect(after.map((c) => c.pixel)).not.toEqual(before.map((c) => c.pixel));
  const seenAfter = await onScreen(page, after);
  after.forEach((c, i) => expect(near(seenAfter[i], c.pixel), picked[i]).toBe(true));

  // Hover a channel: the cells it is not linked to fade toward grey in the pixels too.
  await grid.locator('rect[data-index="1,5,7"]').hover();
  await expect(grid.locator('rect.linked').first()).toBeVisible();
  const hovered = await cells(page, 'qkv_linear', picked);
  const linked = await grid
    .locator('rect.linked')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-index')));
  hovered.forEach((c, i) => {
    if (linked.includes(picked[i])) expect(c.pixel).toEqual(after[i].pixel);
    else expect(c.pixel).not.toEqual(after[i].pixel);
  });
});
