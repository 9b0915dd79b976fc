import {
  expect,
  explainsBadInput,
  figureReady,
  readTensor,
  test
} from '../../tests/browser/fixtures';

/** Patches covering pixel (y, x), computed from the unfold formula, independent of the app. */
function coverage(H: number, W: number, k: number, s: number, p: number, y: number, x: number) {
  const outH = Math.floor((H + 2 * p - k) / s) + 1;
  const outW = Math.floor((W + 2 * p - k) / s) + 1;
  const entries: string[] = [];
  for (let ky = 0; ky < k; ky++)
    for (let kx = 0; kx < k; kx++)
      for (let oy = 0; oy < outH; oy++)
        for (let ox = 0; ox < outW; ox++)
          if (oy * s + ky - p === y && ox * s + kx - p === x)
            entries.push(`0,${ky * k + kx},${oy * outW + ox}`);
  return entries.sort();
}

test('H=8 W=12 k3 s1 p1: overlap_count is 4 / 6 / 9 and x_restored equals x', async ({ page }) => {
  await page.goto('/unfold-fold?H=8&W=12&C=1&kernel_size=3&stride=1&padding=1&step=5');
  const fig = await figureReady(page, 'unfold-fold');
  const count = await readTensor(page, 'overlap_count');
  expect(count.shape).toEqual([1, 1, 8, 12]);
  for (let y = 0; y < 8; y++)
    for (let x = 0; x < 12; x++) {
      const edges = Number(y === 0 || y === 7) + Number(x === 0 || x === 11);
      expect(count.values.get(`0,0,${y},${x}`)).toBe([9, 6, 4][edges]);
      expect(count.values.get(`0,0,${y},${x}`)).toBe(coverage(8, 12, 3, 1, 1, y, x).length);
    }
  await fig.locator('[aria-current="step"]').focus();
  await page.keyboard.press('End');
  await expect(fig.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'divide');
  const x = await readTensor(page, 'x');
  const restored = await readTensor(page, 'x_restored');
  expect(restored.shape).toEqual([1, 1, 8, 12]);
  for (const [i, v] of x.values) expect(Math.abs(restored.values.get(i)! - v)).toBeLessThan(1e-6);
  // By a constant: exact inside, wrong at the border.
  const divConst = await readTensor(page, 'x_div_const');
  expect(Math.abs(divConst.values.get('0,0,3,3')! - x.values.get('0,0,3,3')!)).toBeLessThan(1e-6);
  const corner = x.values.get('0,0,0,0')!;
  expect(divConst.values.get('0,0,0,0')!).toBeCloseTo((corner * 4) / 9, 5);
});

test('kernel_size=5 stride=3 padding=1 H=8 shows and explains the uncovered row', async ({
  page
}) => {
  await page.goto('/unfold-fold?kernel_size=5&stride=3&padding=1&H=8&step=5');
  const fig = await figureReady(page, 'unfold-fold');
  const count = await readTensor(page, 'overlap_count');
  for (let x = 0; x < 5; x++) expect(count.values.get(`0,0,7,${x}`)).toBe(0);
  expect(count.values.get('0,0,6,0')).toBe(coverage(8, 5, 5, 3, 1, 6, 0).length);
  const explain = fig.locator('[data-step-explain]');
  await expect(explain).toContainText('row 7');
  await expect(explain).toContainText('ends at image row 6');
  await expect(explain).toContainText('0/0');
  await page.keyboard.press('End');
  await fig.locator('[aria-current="step"]').focus();
  await page.keyboard.press('End');
  const restored = await readTensor(page, 'x_restored');
  expect(restored.values.get('0,0,7,0')).toBe(0);
  expect([...restored.values.values()].every(Number.isFinite)).toBe(true);
});

test('steps by keyboard, marks the current step and highlights its code lines', async ({
  page
}) => {
  await page.goto('/unfold-fold');
  const fig = await figureReady(page, 'unfold-fold');
  const current = fig.locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('data-step', 'pad');
  await expect(fig.locator('.line.current').first()).toContainText('F.pad');
  await current.focus();
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'unfold_cols');
  await expect(fig.locator('.line.current').first()).toContainText('F.unfold(x, **opts)');
  await expect(fig.locator('.line.current').nth(1)).toContainText('unfold(x, k, opts)');
  await expect(fig.locator('.line.current').nth(2)).toContainText('gatherLast(');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'fold');
  await expect(fig.locator('.line.current').first()).toContainText('F.fold(x_unfold');
  await expect(page).toHaveURL(/step=4/);
  await page.keyboard.press('End');
  await expect(current).toHaveAttribute('data-step', 'divide');
  await page.keyboard.press('ArrowLeft');
  await expect(current).toHaveAttribute('data-step', 'count');
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-step', 'pad');
});

test('hover links: column → patch, row → offset, output pixel → the entries that add into it', async ({
  page
}) => {
  await page.goto('/unfold-fold?H=5&W=6&kernel_size=3&stride=1&padding=1&step=2');
  const fig = await figureReady(page, 'unfold-fold');
  const L = 5 * 6;
  // Column 7 = patch (1, 1): padded rows/cols 1..3 → 9 pixels of x_padded and 9 column cells.
  await fig.locator('[data-tensor="x_unfold"] [data-index="0,4,7"]').hover();
  const padLinked = fig.locator('[data-tensor="x_padded"] rect.linked');
  await expect(padLinked).toHaveCount(9);
  const idx = await padLinked.evaluateAll((els) => els.map((e) => e.getAttribute('data-index')));
  const expected: string[] = [];
  for (let y = 1; y <= 3; y++) for (let x = 1; x <= 3; x++) expected.push(`0,0,${y},${x}`);
  expect(idx.sort()).toEqual(expected.sort());
  await expect(fig.locator('[data-tensor="x_unfold"] rect.linked')).toHaveCount(9);
  // Rows: row 0 = offset (0, 0) of every patch → L cells in the row.
  await fig.locator('[aria-current="step"]').focus();
  await page.keyboard.press('ArrowRight');
  await fig.locator('[data-tensor="x_unfold"] [data-index="0,0,7"]').hover();
  await expect(fig.locator('[data-tensor="x_unfold"] rect.linked')).toHaveCount(L);
  // Fold: output pixel (2, 3) ← 9 entries, the ones the formula gives.
  await fig.locator('[aria-current="step"]').focus();
  await page.keyboard.press('ArrowRight');
  await fig.locator('[data-tensor="x_fold"] [data-index="0,0,2,3"]').hover();
  const entries = fig.locator('[data-tensor="x_unfold"] rect.linked');
  const got = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-index')!));
  expect(got.sort()).toEqual(coverage(5, 6, 3, 1, 1, 2, 3));
  // …and their values sum to x_fold there.
  const unf = await readTensor(page, 'x_unfold');
  const xf = await readTensor(page, 'x_fold');
  const sum = got.reduce((a, i) => a + unf.values.get(i)!, 0);
  expect(sum).toBeCloseTo(xf.values.get('0,0,2,3')!, 5);
  // Keyboard: focus x_fold's first cell, move right → pixel (0, 1) links 6 entries.
  await fig.locator('[data-tensor="x_fold"] rect[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(entries).toHaveCount(coverage(5, 6, 3, 1, 1, 0, 1).length);
});

test('the patch slider links a patch by keyboard', async ({ page }) => {
  await page.goto('/unfold-fold');
  const fig = await figureReady(page, 'unfold-fold');
  const slider = fig.getByRole('slider', { name: 'patch l' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(fig.locator('[data-patch]')).toHaveText('l = 24');
  await expect(fig.locator('[data-tensor="x_padded"] rect.linked')).toHaveCount(9);
  await expect(fig.locator('[data-tensor="x_padded"] [data-index="0,0,6,6"]')).toHaveClass(
    /linked/
  );
});

const badQueries: [string, string][] = [
  ['H=abc', 'H="abc" is not a number; using the default 5.'],
  ['stride=0', 'stride=0: the window must move by at least one pixel per patch'],
  ['H=3&W=3&kernel_size=8&padding=1', 'kernel_size=8 does not fit the padded input'],
  ['kernel_size=2.5', 'kernel_size=2.5 must be a whole number; using 3.'],
  ['H=16&W=16&C=3&kernel_size=8&padding=4', 'more than the 8192'],
  ['step=42', 'step=42 is not a step of this figure (1–6); showing step 6.']
];
explainsBadInput('unfold-fold', badQueries);

test('controls update the URL and tensors, and leave no tensors behind', async ({ page }) => {
  await page.goto('/unfold-fold');
  const fig = await figureReady(page, 'unfold-fold');
  const before = await fig.getAttribute('data-tensors-alive');
  for (const name of ['H', 'W', 'C', 'kernel_size', 'stride', 'padding'])
    await expect(fig.locator(`input[name="${name}"]`)).toHaveCount(1);
  await fig.locator('input[name="C"]').fill('2');
  await fig.locator('input[name="C"]').press('Enter');
  await expect(page).toHaveURL(/C=2/);
  await fig.getByRole('button', { name: /a column is a patch/ }).click();
  await expect(fig.locator('[data-tensor="x_unfold"]')).toHaveAttribute('data-shape', '1,18,25');
  await fig.locator('input[name="stride"]').fill('2');
  await fig.locator('input[name="stride"]').press('Enter');
  await expect(fig.locator('[data-tensor="x_unfold"]')).toHaveAttribute('data-shape', '1,18,9');
  await fig.locator('[data-tensor="x_unfold"] [data-index="0,9,4"]').hover();
  await expect(fig).toHaveAttribute('data-tensors-alive', before!);
});

test('the misconception notes quote numbers computed in the page', async ({ page }) => {
  await page.goto('/unfold-fold');
  await expect(page.locator('[data-fact="xFoldShape"]').first()).toHaveText('[1, 3, 100, 100]');
  await expect(page.locator('[data-fact="regionCount"]')).toHaveText('9');
  await expect(page.locator('[data-fact="row9Channel"]')).toHaveText('1');
  await expect(page.locator('blockquote', { hasText: 'Common misconception' })).toHaveCount(4);
});
