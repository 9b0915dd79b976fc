import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { searchTransfer } from '$lib/tensor/search-transfer';
import { expect, figureReady, readTensor, test } from '../../tests/browser/fixtures';
import { png } from '../../tests/browser/png';
import type { Page } from '@playwright/test';

const stripes = (x: number, y: number) => [(x * 37) % 256, (y * 53) % 256, ((x + y) * 29) % 256];

async function goToStep(page: Page, id: string) {
  const fig = page.locator('[data-figure="ttsr-search-transfer"]');
  await fig.locator(`[data-step="${id}"]`).click();
  await expect(fig.locator('[aria-current="step"]')).toHaveAttribute('data-step', id);
}

/** Reads the rendered features and recomputes index and T_lv3 with the tensor core in Node. */
async function checkAgainstCore(page: Page) {
  await goToStep(page, 'unfold');
  const lrsr = await readTensor(page, 'lrsr_lv3');
  const refsr = await readTensor(page, 'refsr_lv3');
  await goToStep(page, 'gather');
  const ref3 = await readTensor(page, 'ref_lv3');
  const index = await readTensor(page, 'index');
  await goToStep(page, 'fold');
  const tLv3 = await readTensor(page, 'T_lv3');
  await tf.setBackend('cpu');
  const [, , hr, wr] = refsr.shape;
  const t = (x: { shape: number[]; values: Map<string, number> }) =>
    tf.tensor(Float32Array.from(x.values.values()), x.shape);
  const r = searchTransfer(
    t(lrsr),
    t(refsr),
    tf.zeros([1, 1, 4 * hr, 4 * wr]),
    tf.zeros([1, 1, 2 * hr, 2 * wr]),
    t(ref3)
  );
  expect([...index.values.values()]).toEqual([...r.index.dataSync()]);
  const want = r.T_lv3.dataSync();
  expect(tLv3.shape).toEqual(r.T_lv3.shape);
  [...tLv3.values.values()].forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-5));
  tf.disposeVariables();
  return { lrsr, refsr };
}

test('a shipped pair: index and T_lv3 equal the tensor core’s', async ({ page }) => {
  await page.goto('/ttsr-search-transfer?pair=2');
  await figureReady(page, 'ttsr-search-transfer');
  const { lrsr, refsr } = await checkAgainstCore(page);
  expect(lrsr.shape).toEqual([1, 3, 8, 8]);
  expect(refsr.shape).toEqual([1, 3, 8, 8]);
  expect((await readTensor(page, 'T_lv1')).shape).toEqual([1, 3, 32, 32]);
  expect((await readTensor(page, 'T_lv2')).shape).toEqual([1, 3, 16, 16]);
});

test('an uploaded reference is decoded in the page, resized if needed, and searched', async ({
  page
}) => {
  await page.goto('/ttsr-search-transfer');
  const fig = await figureReady(page, 'ttsr-search-transfer');
  await page.locator('input[name="ref_file"]').setInputFiles({
    name: 'mine.png',
    mimeType: 'image/png',
    buffer: png(80, 40, stripes)
  });
  await expect(page.locator('[data-ttsr-inputs] [data-message]')).toContainText(
    '"mine.png" (80×40) was resized to 48×24'
  );
  await expect(fig.locator('[data-tensor="refsr_lv3"]')).toHaveAttribute('data-shape', '1,3,6,12');
  const { refsr } = await checkAgainstCore(page);
  expect(refsr.shape).toEqual([1, 3, 6, 12]);
  await page.getByRole('button', { name: 'Back to the shipped pair' }).click();
  await goToStep(page, 'unfold');
  await expect(fig.locator('[data-tensor="refsr_lv3"]')).toHaveAttribute('data-shape', '1,3,8,8');
});

const badFiles: [string, string, Buffer, string][] = [
  [
    'notes.txt',
    'text/plain',
    Buffer.from('hello'),
    '"notes.txt" is not an image (type text/plain)'
  ],
  ['broken.png', 'image/png', Buffer.from('not really a png'), 'could not be decoded'],
  ['tiny.png', 'image/png', png(8, 8, stripes), 'need at least 12×12']
];
for (const [name, mimeType, buffer, message] of badFiles) {
  test(`a bad reference upload (${name}) is refused with a message`, async ({ page }) => {
    await page.goto('/ttsr-search-transfer');
    const fig = await figureReady(page, 'ttsr-search-transfer');
    await page.locator('input[name="ref_file"]').setInputFiles({ name, mimeType, buffer });
    await expect(page.locator('[data-ttsr-inputs] [data-message]')).toContainText(message);
    await expect(fig.locator('[data-tensor="refsr_lv3"]')).toHaveAttribute('data-shape', '1,3,8,8');
  });
}

test('steps by keyboard and highlights the code lines of each step', async ({ page }) => {
  await page.goto('/ttsr-search-transfer');
  const fig = await figureReady(page, 'ttsr-search-transfer');
  const current = fig.locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('data-step', 'unfold');
  await expect(fig.locator('.line.current').first()).toContainText('F.unfold(lrsr_lv3');
  await current.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'relevance');
  await expect(fig.locator('.line.current').first()).toContainText('torch.bmm');
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('.line.current', { hasText: 'torch.max(R, dim=1)' })).toHaveCount(1);
  await expect(fig.locator('.line.current', { hasText: 'tf.argMax(R, 1)' })).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(current).toHaveAttribute('data-step', 'divide');
  await expect(page).toHaveURL(/step=7/);
  await expect(fig.locator('.line.current', { hasText: 'torch.ones_like' })).toHaveCount(1);
  await expect(fig.locator('[data-step-explain]')).toContainText('Official TTSR');
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-step', 'unfold');
});

test('hover and click link an output position to its best reference patch and score', async ({
  page
}) => {
  await page.goto('/ttsr-search-transfer?step=4');
  const fig = await figureReady(page, 'ttsr-search-transfer');
  const index = await readTensor(page, 'index');
  const score = await readTensor(page, 'score');
  const j = 10;
  const i = index.values.get(`0,${j}`)!;
  await fig.locator(`[data-tensor="index"] [data-index="0,${j}"]`).hover();
  // The R entry (i, j) is the one linked, and it holds the score.
  const r = fig.locator('[data-tensor="R"] rect.linked');
  await expect(r).toHaveCount(1);
  await expect(r).toHaveAttribute('data-index', `0,${i},${j}`);
  expect(Number(await r.getAttribute('data-value'))).toBe(score.values.get(`0,${j}`));
  await expect(fig.locator(`[data-selected-position="${j}"]`)).toContainText(`(index ${i})`);
  await expect(fig.locator('[data-selected-score]')).toHaveText(
    score.values.get(`0,${j}`)!.toFixed(3)
  );
  // Click an output pixel of T_lv3 (channel 1, row 2, col 3 → j = 19): the readout keeps it.
  await goToStep(page, 'fold');
  await fig.locator('[data-tensor="T_lv3"] [data-index="0,1,2,3"]').click();
  await page.mouse.move(0, 0);
  await expect(fig.locator('[data-selected-position="19"]')).toContainText(
    `(index ${index.values.get('0,19')})`
  );
  // Gather: hovering index j bolds exactly one arrow.
  await goToStep(page, 'gather');
  await fig.locator(`[data-tensor="index"] [data-index="0,${j}"]`).hover();
  await expect(fig.locator('line.arrow.on')).toHaveCount(1);
});

test('bad URL input is explained and the figure still renders; no tensors leak', async ({
  page
}) => {
  await page.goto('/ttsr-search-transfer?pair=abc&step=99');
  const fig = await figureReady(page, 'ttsr-search-transfer');
  await expect(fig.locator('[data-message]').first()).toContainText(
    'pair="abc" is not a number; using the default 1.'
  );
  await expect(fig.locator('[data-message]').nth(1)).toContainText(
    'step=99 is not a step of this figure (1–7); showing step 7.'
  );
  const before = await fig.getAttribute('data-tensors-alive');
  await fig.locator('input[name="pair"]').fill('3');
  await fig.locator('input[name="pair"]').press('Enter');
  await expect(page).toHaveURL(/pair=3/);
  await page.locator('input[name="lr_file"]').setInputFiles({
    name: 'lr.png',
    mimeType: 'image/png',
    buffer: png(6, 5, stripes)
  });
  await expect(fig.locator('[data-tensor="T_lv3"]').first()).toHaveAttribute(
    'data-shape',
    '1,3,5,6'
  );
  await expect(fig).toHaveAttribute('data-tensors-alive', before!);
});

test('the misconception notes quote numbers computed in the page', async ({ page }) => {
  await page.goto('/ttsr-search-transfer');
  await expect(page.locator('[data-fact="countValues"]')).toHaveText('4, 6, 9');
  await expect(page.locator('[data-fact="lv1Shape"]')).toHaveText('[1, 1, 12, 16]');
  await expect(page.locator('blockquote', { hasText: 'Common misconception' })).toHaveCount(2);
});
