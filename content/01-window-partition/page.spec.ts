import {
  expect,
  explainsBadInput,
  figureReady,
  readTensor,
  test
} from '../../tests/browser/fixtures';

/** window_partition computed independently of the app, from the formula. */
function partitionIndex(
  b: number,
  y: number,
  x: number,
  c: number,
  W: number,
  ws: number,
  nW: number
) {
  return [b * nW + Math.floor(y / ws) * (W / ws) + Math.floor(x / ws), y % ws, x % ws, c].join(',');
}

test('B=2 H=8 W=12 C=3 ws=4: windows has shape 12,4,4,3 and equals window_partition(x)', async ({
  page
}) => {
  await page.goto('/window-partition?B=2&H=8&W=12&C=3&window_size=4&step=3');
  await figureReady(page, 'window-partition');
  const x = await readTensor(page, 'x');
  const windows = await readTensor(page, 'windows');
  expect(x.shape).toEqual([2, 8, 12, 3]);
  expect(windows.shape).toEqual([12, 4, 4, 3]);
  expect(windows.values.size).toBe(2 * 8 * 12 * 3);
  const nW = (8 / 4) * (12 / 4);
  for (let b = 0; b < 2; b++)
    for (let y = 0; y < 8; y++)
      for (let xx = 0; xx < 12; xx++)
        for (let c = 0; c < 3; c++) {
          const got = windows.values.get(partitionIndex(b, y, xx, c, 12, 4, nW));
          expect(got).toBe(x.values.get([b, y, xx, c].join(',')));
        }
  await expect(page.getByText('B·nW = 2·6 = 12')).toBeVisible();
});

test('steps by keyboard, marks the current step and highlights its code lines', async ({
  page
}) => {
  await page.goto('/window-partition');
  const fig = await figureReady(page, 'window-partition');
  const current = fig.locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('data-step', 'view6');
  await current.focus();
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'permute');
  await expect(fig.locator('.line.current')).toHaveCount(2); // one line in each listing
  await expect(fig.locator('.line.current').first()).toContainText('permute(0, 1, 3, 2, 4, 5)');
  await page.keyboard.press('End');
  await expect(current).toHaveAttribute('data-step', 'reverse');
  await expect(page).toHaveURL(/step=4/);
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-step', 'view6');
  // The round trip is exact.
  await page.keyboard.press('End');
  const x = await readTensor(page, 'windows');
  expect(x.shape).toEqual([4, 4, 4, 2]);
  const back = await readTensor(page, 'x_reversed');
  await page.keyboard.press('Home');
  const orig = await readTensor(page, 'x');
  expect([...back.values]).toEqual([...orig.values]);
});

test('hover and keyboard focus link a pixel to its window cell (provenance)', async ({ page }) => {
  await page.goto('/window-partition?step=3');
  const fig = await figureReady(page, 'window-partition');
  // x[0, 5, 6, 1] lands in window 1·2 + 1 = 3 at (1, 2), channel 1.
  await fig.locator('[data-tensor="x"] [data-index="0,5,6,1"]').hover();
  const linked = fig.locator('[data-tensor="windows"] rect.linked');
  await expect(linked).toHaveCount(1);
  await expect(linked).toHaveAttribute('data-index', '3,1,2,1');
  // Keyboard: focus the first window cell, move right twice → windows[0,0,2,0] ← x[0,0,2,0].
  await fig.locator('[data-tensor="windows"] rect[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('[data-tensor="x"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,0,2,0'
  );
});

test('H=10 with window_size=4 explains and shows the SwinIR padding', async ({ page }) => {
  await page.goto('/window-partition?H=10&window_size=4');
  const fig = await figureReady(page, 'window-partition');
  await expect(fig.locator('[data-message]')).toContainText(
    'H=10 is not a multiple of window_size=4: padded to 12'
  );
  await expect(fig.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'pad');
  const x = await readTensor(page, 'x');
  const padded = await readTensor(page, 'x_padded');
  expect(padded.shape).toEqual([1, 12, 8, 2]);
  // Reflect padding: row 10 mirrors row 8, row 11 mirrors row 7.
  for (const [row, src] of [
    [10, 8],
    [11, 7]
  ])
    for (let col = 0; col < 8; col++)
      expect(padded.values.get(`0,${row},${col},0`)).toBe(x.values.get(`0,${src},${col},0`));
  await fig.locator('[aria-current="step"]').focus();
  await page.keyboard.press('End');
  expect((await readTensor(page, 'x_reversed')).shape).toEqual([1, 10, 8, 2]);
});

const badQueries: [string, string][] = [
  ['H=abc', 'H="abc" is not a number; using the default 8.'],
  ['W=-4', 'W=-4 is below the minimum 1; using 1.'],
  ['C=2.5', 'C=2.5 must be a whole number; using 3.'],
  ['B=8&H=256&W=256&C=64', 'more than the 4,194,304'],
  ['H=99999999', 'H=99999999 is above the maximum 256; using 256.'],
  ['H=2&window_size=4', 'window_size=4 is too large for a 2×8 image'],
  ['step=99', 'step=99 is not a step of this figure (1–4); showing step 4.']
];
explainsBadInput('window-partition', badQueries);

test('controls are named by the PyTorch argument and update the URL and tensors', async ({
  page
}) => {
  await page.goto('/window-partition');
  const fig = await figureReady(page, 'window-partition');
  const before = await fig.getAttribute('data-tensors-alive');
  for (const name of ['B', 'H', 'W', 'C', 'window_size', 'seed'])
    await expect(fig.locator(`input[name="${name}"]`)).toHaveCount(1);
  await fig.locator('input[name="window_size"]').fill('2');
  await fig.locator('input[name="window_size"]').press('Enter');
  await expect(page).toHaveURL(/window_size=2/);
  await fig.getByRole('button', { name: /Flatten/ }).click();
  await expect(fig.locator('[data-tensor="windows"]')).toHaveAttribute('data-shape', '16,2,2,2');
  await fig.locator('input[name="H"]').fill('6');
  await fig.locator('input[name="H"]').press('Enter');
  await expect(fig.locator('[data-tensor="windows"]')).toHaveAttribute('data-shape', '12,2,2,2');
  // Interactions leave no tensors behind.
  await expect(fig).toHaveAttribute('data-tensors-alive', before!);
});

test('heavy sizes are computed in the worker (wasm) and still equal window_partition(x)', async ({
  page
}) => {
  await page.goto('/window-partition?H=128&W=96&C=8&window_size=8&step=3');
  const fig = await figureReady(page, 'window-partition');
  await expect(fig.locator('[data-busy]')).toHaveCount(0);
  const x = await readTensor(page, 'x');
  const windows = await readTensor(page, 'windows');
  expect(windows.shape).toEqual([(128 / 8) * (96 / 8), 8, 8, 8]);
  let checked = 0;
  for (const [index, value] of windows.values) {
    const [w, dy, dx, c] = index.split(',').map(Number);
    const [wy, wx] = [Math.floor(w / 12), w % 12];
    const source = x.values.get([0, wy * 8 + dy, wx * 8 + dx, c].join(','));
    if (source === undefined) continue; // x draws a prefix of its slices at this size
    expect(value).toBe(source);
    checked++;
  }
  expect(checked).toBeGreaterThan(500);
  await expect(fig).toHaveAttribute('data-tensors-alive', '0');
});

test('a link reproduces the exact view: the default seed gives the same x on every load', async ({
  page
}) => {
  await page.goto('/window-partition');
  await figureReady(page, 'window-partition');
  const first = await readTensor(page, 'x');
  await page.reload();
  await figureReady(page, 'window-partition');
  const second = await readTensor(page, 'x');
  expect([...second.values]).toEqual([...first.values]);
});
