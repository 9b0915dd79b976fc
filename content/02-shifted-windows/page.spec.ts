import { expect, figureReady, readTensor, stepTo, test } from '../../tests/browser/fixtures';

const ID = 'shifted-windows';

/** The official mask, computed here from the slices, independently of the app. */
function expectedMask(H: number, W: number, ws: number, s: number) {
  const band = (r: number, n: number) => (r < n - ws ? 0 : r < n - s ? 1 : 2);
  const label = (r: number, c: number) => 3 * band(r, H) + band(c, W);
  const nw = W / ws;
  const N = ws * ws;
  const out = new Map<string, number>();
  for (let w = 0; w < (H / ws) * nw; w++) {
    const tok = (t: number) =>
      label(Math.floor(w / nw) * ws + Math.floor(t / ws), (w % nw) * ws + (t % ws));
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) out.set(`${w},${i},${j}`, tok(i) === tok(j) ? 0 : -100);
  }
  return out;
}

test('the post: img_mask bands 0/1/2 on rows 0–5/6–7/8 and the last window [4,4,5,4,4,5,7,7,8]', async ({
  page
}) => {
  await page.goto('/shifted-windows?H=9&W=9&window_size=3&shift_size=1&step=3');
  const fig = await figureReady(page, ID);
  const img = await readTensor(page, 'img_mask');
  expect(img.shape).toEqual([1, 9, 9, 1]);
  const band = (i: number) => (i <= 5 ? 0 : i <= 7 ? 1 : 2);
  for (let y = 0; y < 9; y++)
    for (let x = 0; x < 9; x++) expect(img.values.get(`0,${y},${x},0`)).toBe(3 * band(y) + band(x));
  const mw = await readTensor(page, 'mask_windows');
  expect(mw.shape).toEqual([9, 9]);
  expect(Array.from({ length: 9 }, (_, j) => mw.values.get(`8,${j}`))).toEqual([
    4, 4, 5, 4, 4, 5, 7, 7, 8
  ]);
  await expect(fig.locator('[data-tensor="img_mask"] .caption')).toContainText(
    'rows 0–5 → band 0, rows 6–7 → band 1, row 8 → band 2'
  );
  // The equivalence check is computed live and is float32 rounding.
  const diff = Number(await fig.locator('[data-check="equivalence"]').getAttribute('data-value'));
  expect(diff).toBeLessThan(1e-5);
});

test('steps by keyboard through all seven steps, each with highlighted code lines', async ({
  page
}) => {
  await page.goto('/shifted-windows');
  const fig = await figureReady(page, ID);
  const current = fig.locator('[aria-current="step"]');
  const ids = ['roll', 'labels', 'partition', 'diff', 'fill', 'softmax', 'rollback'];
  await current.focus();
  for (const [i, id] of ids.entries()) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await expect(current).toHaveAttribute('data-step', id);
    for (const listing of ['PyTorch', 'TensorFlow.js'])
      expect(
        await fig.locator(`section[aria-label^="${listing}"] .line.current`).count(),
        `${id} in ${listing}`
      ).toBeGreaterThan(0);
  }
  await expect(page).toHaveURL(/step=7/);
  await expect(
    fig.locator('section[aria-label^="PyTorch"] .line.current', { hasText: 'window_reverse' })
  ).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await expect(current).toHaveAttribute('data-step', 'softmax');
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-step', 'roll');
  await expect(fig.locator('.line.current').first()).toContainText(
    'torch.roll(x, shifts=(-shift_size'
  );
  await page.keyboard.press('End');
  await expect(current).toHaveAttribute('data-step', 'rollback');
  // Rolling back returns every pixel: out's provenance is x's, shifted_out's is shifted_x's.
  await fig.locator('[data-tensor="out"] [data-index="0,0,0,0"]').hover();
  await expect(fig.locator('[data-tensor="shifted_out"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,8,8,0'
  );
});

test('hover links pixels: roll moves pixel 0 to (8, 8); an N×N cell lights its two pixels', async ({
  page
}) => {
  await page.goto('/shifted-windows');
  const fig = await figureReady(page, ID);
  await fig.locator('[data-tensor="x"] [data-index="0,0,0,0"]').hover();
  await expect(fig.locator('[data-tensor="shifted_x"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,8,8,0'
  );
  await stepTo(page, ID, 4);
  // Last window, query 0 (rolled (6, 6) = pixel (7, 7)) and key 8 (rolled (8, 8) = pixel (0, 0)).
  await fig.locator('[data-tensor="label_diff"] [data-index="0,8"]').hover();
  const linked = fig.locator('[data-tensor="img_mask"] rect.linked');
  await expect(linked).toHaveCount(2);
  expect(await linked.evaluateAll((els) => els.map((e) => e.getAttribute('data-index')))).toEqual([
    '0,6,6,0',
    '0,8,8,0'
  ]);
  const diff = await readTensor(page, 'label_diff');
  expect(diff.values.get('0,8')).toBe(8 - 4);
  // Keyboard: focus a cell of the map and move; the link follows. The pointer leaves the figure
  // first: focus() may scroll, and Chrome then hovers whatever cell lands under a resting pointer
  // (once img_mask[0, 0, 8, 0]), which links that cell instead.
  await page.mouse.move(0, 0);
  await fig.locator('[data-tensor="img_mask"] rect[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('[data-tensor="img_mask"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,0,1,0'
  );
});

for (const [H, W, ws, s] of [
  [8, 12, 4, 2],
  [6, 9, 3, 2],
  [12, 6, 2, 1]
]) {
  test(`attn_mask equals the official construction for H=${H} W=${W} ws=${ws} s=${s}`, async ({
    page
  }) => {
    await page.goto(`/shifted-windows?H=${H}&W=${W}&window_size=${ws}&shift_size=${s}&step=5`);
    const fig = await figureReady(page, ID);
    await expect(fig.locator('[data-message]')).toHaveCount(0);
    const got = await readTensor(page, 'attn_mask');
    const want = expectedMask(H, W, ws, s);
    expect(got.shape).toEqual([(H / ws) * (W / ws), ws * ws, ws * ws]);
    expect(got.values.size).toBe(want.size);
    expect(Object.fromEntries(got.values)).toEqual(Object.fromEntries(want));
    const unmasked = [
      ...new Set([...want].filter(([, v]) => v !== 0).map(([k]) => k.split(',')[0]))
    ];
    const marked = await fig.locator('[data-marked="true"]').count();
    expect(marked).toBe((H / ws) * (W / ws) - unmasked.length);
  });
}

test('masked softmax weights are tiny but not 0; picking a window by keyboard', async ({
  page
}) => {
  await page.goto('/shifted-windows?step=6');
  const fig = await figureReady(page, ID);
  const attn = await readTensor(page, 'attn');
  const mask = expectedMask(9, 9, 3, 1);
  for (const [k, v] of attn.values) {
    if (mask.get(`8,${k}`) !== 0) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(1e-40);
    }
  }
  await expect(fig.locator('[data-step-explain]')).toContainText('tiny but not 0');
  await stepTo(page, ID, 5);
  await fig.locator('[data-facet="2"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/window=2/);
  await expect(fig.locator('[data-facet="2"]')).toHaveAttribute('aria-pressed', 'true');
});

test('C=3 runs the same steps on an image; hovering one channel links all three', async ({
  page
}) => {
  await page.goto('/shifted-windows?C=3');
  const fig = await figureReady(page, ID);
  expect((await readTensor(page, 'x')).shape).toEqual([1, 9, 9, 3]);
  await fig.locator('[data-tensor="x"] [data-index="0,0,1,2"]').hover();
  await expect(fig.locator('[data-tensor="shifted_x"] rect.linked')).toHaveCount(3);
  const diff = Number(await fig.locator('[data-check="equivalence"]').getAttribute('data-value'));
  expect(diff).toBeLessThan(1e-5);
});
