import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { exportFile, parseNpy } from '../../tests/browser/export';
import { expect, test } from '../../tests/browser/fixtures';
import { png } from '../../tests/browser/png';
import type { Page } from '@playwright/test';
import { psnr } from './metrics';

// The model runs twice per change (trained and initial weights) on a shared, loaded machine.
test.describe.configure({ timeout: 240_000 });
const READY = { timeout: 200_000 };
const FIXTURE = 'tests/golden/swinir_page.json';

const smooth = (x: number, y: number) => [40 + 5 * x, 60 + 4 * y, 120 + 2 * (x + y)];

const fig = (page: Page) => page.locator('[data-figure="trained-swinir"]');
async function ready(page: Page) {
  await expect(fig(page)).toHaveAttribute('data-ready', 'true', READY);
}
/** A tensor as the reader gets it: NAME.npy from its export menu, parsed by the test's own reader. */
async function tensor(page: Page, name: string) {
  const npy = parseNpy(await exportFile(page, name, 'npy'));
  expect(npy.descr).toBe('<f4');
  const view = fig(page).locator(`[data-tensor="${name}"]`);
  if (await view.count())
    expect(npy.shape.join(','), `${name}.npy against its view`).toBe(
      await view.first().getAttribute('data-shape')
    );
  return { shape: npy.shape, data: Float32Array.from(npy.data) };
}
const metric = async (page: Page, id: string) =>
  Number(await fig(page).locator(`[data-metric="${id}"]`).getAttribute('data-value'));

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  // A file chosen before the page has hydrated reaches no handler: wait for the first run to start.
  await expect(fig(page)).not.toHaveAttribute('data-status', 'idle', READY);
  await fig(page).locator('input[name="file"]').setInputFiles({ name, mimeType, buffer });
}

test('a shipped photo end to end: exported noisy.npy and denoised.npy, PSNR from them, parity with PyTorch', async ({
  page
}) => {
  await page.goto('/trained-swinir');
  await ready(page);
  const clean = await tensor(page, 'clean');
  const noisy = await tensor(page, 'noisy');
  const denoised = await tensor(page, 'denoised');
  expect(clean.shape).toEqual([1, 3, 128, 128]);
  expect(noisy.shape).toEqual(clean.shape);
  expect(denoised.shape).toEqual(clean.shape);
  const pNoisy = psnr(noisy.data, clean.data);
  const pDenoised = psnr(denoised.data, clean.data);
  expect(Math.abs((await metric(page, 'psnr-noisy')) - pNoisy)).toBeLessThanOrEqual(0.05);
  expect(Math.abs((await metric(page, 'psnr-denoised')) - pDenoised)).toBeLessThanOrEqual(0.05);
  // σ = 25 on the 0–255 scale: about 20.2 dB before, and the trained model must improve on it.
  expect(pNoisy).toBeGreaterThan(19.5);
  expect(pNoisy).toBeLessThan(21);
  expect(pDenoised).toBeGreaterThan(pNoisy + 3);
  expect(await metric(page, 'ssim-denoised')).toBeGreaterThan(await metric(page, 'ssim-noisy'));
  const ms = await metric(page, 'ms');
  expect(await fig(page).locator('[data-metric="ms"]').getAttribute('data-backend')).toBe('wasm');
  console.log(`trained-swinir: 128×128 denoised in ${ms.toFixed(0)} ms on wasm`);

  if (process.env.RECORD_SWINIR_PAGE) {
    // Records the page's noisy input; scripts/golden/swinir_page.py adds PyTorch's output.
    const b64 = Buffer.from(noisy.data.buffer).toString('base64');
    writeFileSync(
      FIXTURE,
      JSON.stringify({ image: 'chelsea', sigma: 25, seed: 0, noisy_f32: b64 })
    );
    return;
  }
  const fx = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const sha = createHash('sha256')
    .update(readFileSync('static/models/swinir-denoise-s25.safetensors'))
    .digest('hex');
  expect(
    fx.weights_sha256,
    `${FIXTURE} was made with other weights: rerun RECORD_SWINIR_PAGE=1 on this test, then ` +
      `/usr/bin/python3 scripts/golden/swinir_page.py`
  ).toBe(sha);
  const want = (k: string) => new Float32Array(Buffer.from(fx[k], 'base64').buffer.slice(0));
  const fNoisy = want('noisy_f32');
  const fOut = want('denoised_f32');
  let noiseErr = 0;
  let outErr = 0;
  for (let i = 0; i < fNoisy.length; i++) {
    noiseErr = Math.max(noiseErr, Math.abs(noisy.data[i] - fNoisy[i]));
    outErr = Math.max(outErr, Math.abs(denoised.data[i] - fOut[i]));
  }
  console.log(`trained-swinir: max |page − PyTorch| = ${outErr.toExponential(2)}`);
  expect(noiseErr).toBe(0);
  expect(outErr).toBeLessThanOrEqual(1e-3);
});

test('σ = 0: noisy is the photo itself', async ({ page }) => {
  await page.goto('/trained-swinir?sigma=0&image=2');
  await ready(page);
  const clean = await tensor(page, 'clean');
  const noisy = await tensor(page, 'noisy');
  expect(noisy.data).toEqual(clean.data);
  expect(await metric(page, 'psnr-noisy')).toBe(Infinity);
  expect(await metric(page, 'ssim-noisy')).toBeCloseTo(1, 6);
});

test('an uploaded PNG is denoised; bad files are refused with a message', async ({ page }) => {
  await page.goto('/trained-swinir');
  await upload(page, 'notes.txt', 'text/plain', Buffer.from('not an image'));
  await expect(fig(page).locator('[data-message]').first()).toContainText(
    'not a PNG, JPEG or WebP'
  );
  await upload(page, 'broken.png', 'image/png', Buffer.from('\x89PNG garbage'));
  await expect(fig(page).locator('[data-message]').first()).toContainText('could not be decoded');
  await upload(page, 'mine.png', 'image/png', png(40, 30, smooth));
  await expect(fig(page).locator('[data-tensor="clean"]')).toHaveAttribute(
    'data-shape',
    '1,3,30,40'
  );
  await ready(page);
  const clean = await tensor(page, 'clean');
  expect(clean.data[0]).toBeCloseTo(40 / 255, 6);
  expect((await tensor(page, 'denoised')).shape).toEqual([1, 3, 30, 40]);
  await upload(page, 'big.png', 'image/png', png(200, 150, smooth));
  await expect(fig(page).locator('[data-tensor="clean"]')).toHaveAttribute(
    'data-shape',
    '1,3,128,128'
  );
  await expect(fig(page).locator('[data-message]').first()).toContainText('centre 128×128');
});

test('Cancel stops a run and the page stays usable', async ({ page }) => {
  await page.goto('/trained-swinir');
  const cancel = fig(page).locator('[data-cancel]');
  await cancel.click();
  await expect(fig(page)).toHaveAttribute('data-status', 'cancelled');
  await expect(fig(page).locator('progress')).toHaveCount(0);
  await fig(page).locator('input[name="seed"]').fill('3');
  await fig(page).locator('input[name="seed"]').dispatchEvent('change');
  await ready(page);
  await expect(page).toHaveURL(/seed=3/);
});

test('the attention of a clicked pixel, per block and head, trained and initial', async ({
  page
}) => {
  await page.goto('/trained-swinir');
  await upload(page, 'mine.png', 'image/png', png(24, 24, smooth));
  await ready(page);
  const svg = fig(page).locator('[data-tensor="denoised"] svg');
  const box = (await svg.boundingBox())!;
  // pixel (y 5, x 18) of 24×24 (a locator click scrolls the image into view first)
  await svg.click({ position: { x: (18.5 / 24) * box.width, y: (5.5 / 24) * box.height } });
  await expect(fig(page).locator('[data-pixel]')).toHaveAttribute('data-pixel', '5,18', READY);
  await ready(page);
  // The keyboard picks too: the clicked image has focus; ArrowLeft, then Shift+ArrowDown (8).
  await svg.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(fig(page).locator('[data-pixel]')).toHaveAttribute('data-pixel', '5,17', READY);
  await page.keyboard.press('Shift+ArrowDown');
  await expect(fig(page).locator('[data-pixel]')).toHaveAttribute('data-pixel', '13,17', READY);
  await expect(svg).toHaveAccessibleName('denoised: pick a pixel');
  await expect(svg).toHaveAccessibleDescription(/picked: y 13, x 17/);
  // Back to the clicked pixel, for the values below.
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(fig(page).locator('[data-pixel]')).toHaveAttribute('data-pixel', '5,18', READY);
  await ready(page);
  for (const which of ['trained', 'init']) {
    const blocks = fig(page).locator(`[data-attention="${which}"] [data-tensor="attn"]`);
    await expect(blocks).toHaveCount(4);
    for (const b of await blocks.all()) expect(await b.getAttribute('data-shape')).toBe('4,64');
    // Every block's row, through the export menu: [block, head, key], each head's row sums to 1.
    const attn = await tensor(page, `attn_${which}`);
    expect(attn.shape).toEqual([4, 4, 64]);
    for (let r = 0; r < 16; r++) {
      const s = attn.data.subarray(64 * r, 64 * r + 64).reduce((a, v) => a + v, 0);
      expect(s, `block ${r >> 2}, head ${r & 3}`).toBeCloseTo(1, 4);
    }
  }
  // Trained and initial weights really differ: the trained rows are not the initial ones.
  const [t, i] = [await tensor(page, 'attn_trained'), await tensor(page, 'attn_init')];
  expect(t.data.some((v, k) => Math.abs(v - i.data[k]) > 1e-3)).toBe(true);
  const tables = fig(page).locator(
    '[data-bias="trained"] [data-tensor="relative_position_bias_table"]'
  );
  await expect(tables).toHaveCount(4);
  await expect(tables.first()).toHaveAttribute('data-shape', '4,15,15');
  const bias = await tensor(page, 'relative_position_bias_table_trained');
  expect(bias.shape).toEqual([4, 4, 15, 15]);
  expect(bias.data.some((v) => Math.abs(v) > 0.05)).toBe(true); // trained, not std-0.02 noise
});

test('no tensor leaks in the worker after 10 runs', async ({ page }) => {
  await page.goto('/trained-swinir');
  await upload(page, 'tiny.png', 'image/png', png(16, 16, smooth));
  await ready(page);
  const seed = fig(page).locator('input[name="seed"]');
  const counts: string[] = [];
  for (let i = 1; i <= 10; i++) {
    const runs = Number(await fig(page).getAttribute('data-runs'));
    await seed.fill(String(i));
    await seed.dispatchEvent('change');
    await expect(fig(page)).toHaveAttribute('data-runs', String(runs + 1), READY);
    counts.push((await fig(page).getAttribute('data-live-tensors'))!);
  }
  expect(new Set(counts).size).toBe(1);
});
