import {
  expect,
  explainsBadInput,
  figureReady,
  readTensor,
  test
} from '../../tests/browser/fixtures';

const FIG = 'relative-position-bias';

/** Swin's relative_position_index computed independently of the app, from the formula. */
function formulaIndex(Wh: number, Ww: number) {
  const N = Wh * Ww;
  const out = new Map<string, number>();
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      const dh = Math.floor(i / Ww) - Math.floor(j / Ww);
      const dw = (i % Ww) - (j % Ww);
      out.set(`${i},${j}`, (dh + Wh - 1) * (2 * Ww - 1) + (dw + Ww - 1));
    }
  return out;
}

test('window_size=3: relative_position_index equals the formula, values 0..24', async ({
  page
}) => {
  await page.goto(`/${FIG}?window_size=3&step=7`);
  const fig = await figureReady(page, FIG);
  await expect(fig.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'sum');
  const index = await readTensor(page, 'relative_position_index');
  expect(index.shape).toEqual([9, 9]);
  expect(index.values).toEqual(formulaIndex(3, 3));
  expect([...new Set(index.values.values())].sort((a, b) => a - b)).toEqual(
    Array.from({ length: 25 }, (_, k) => k)
  );
});

test('window_size=2x3: a 15-row table, a 6×6 index, and the URL keeps 2x3', async ({ page }) => {
  await page.goto(`/${FIG}?window_size=2x3&step=9`);
  const fig = await figureReady(page, FIG);
  const table = await readTensor(page, 'relative_position_bias_table');
  expect(table.shape).toEqual([15, 2]);
  const index = await readTensor(page, 'relative_position_index');
  expect(index.values).toEqual(formulaIndex(2, 3));
  // The bias is the table gathered by the index, per head.
  const bias = await readTensor(page, 'relative_position_bias');
  expect(bias.shape).toEqual([2, 6, 6]);
  for (const [key, r] of index.values)
    for (const h of [0, 1])
      expect(bias.values.get(`${h},${key}`)).toBe(table.values.get(`${r},${h}`));
  await expect(fig.locator('input[name="window_size"]')).toHaveValue('2x3');
  await expect(page).toHaveURL(/window_size=2x3/);
});

test('steps by keyboard and highlights the code of each step', async ({ page }) => {
  await page.goto(`/${FIG}`);
  const fig = await figureReady(page, FIG);
  const current = fig.locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('data-step', 'coords');
  await current.focus();
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'flatten');
  await expect(fig.locator('.line.current').first()).toContainText('coords.reshape(2, -1)');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'scale');
  await expect(fig.locator('.line.current').first()).toContainText('2 * Ww - 1');
  await page.keyboard.press('End');
  await expect(current).toHaveAttribute('data-step', 'gather');
  await expect(page).toHaveURL(/step=9/);
  await expect(fig.locator('.line.current').first()).toContainText('table[index.reshape(-1)]');
  await page.keyboard.press('ArrowLeft');
  await expect(current).toHaveAttribute('data-step', 'table');
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-step', 'coords');
});

test('hover links pairs to tokens, equal offsets to each other, and bias to its table row', async ({
  page
}) => {
  await page.goto(`/${FIG}?step=3`);
  const fig = await figureReady(page, FIG);
  // relative_coords[0, 1, 5]: query 1 and key 5 → their columns of coords_flatten.
  await fig.locator('[data-tensor="relative_coords"] [data-index="0,1,5"]').hover();
  const linked = fig.locator('[data-tensor="coords_flatten"] rect.linked');
  await expect(linked).toHaveCount(4);
  expect(
    (await linked.evaluateAll((es) => es.map((e) => e.getAttribute('data-index')))).sort()
  ).toEqual(['0,1', '0,5', '1,1', '1,5']);
  // At the sum: hovering an index cell outlines every pair with the same offset.
  await fig.getByRole('button', { name: /sum\(-1\)/ }).click();
  const formula = formulaIndex(3, 3);
  await fig.locator('[data-tensor="relative_position_index"] [data-index="4,0"]').hover();
  const same = [...formula.values()].filter((v) => v === formula.get('4,0')).length;
  await expect(fig.locator('[data-tensor="relative_position_index"] rect.linked')).toHaveCount(
    same
  );
  // At the gather: bias[1, 4, 0] reads table row index[4, 0], head 1.
  await fig.getByRole('button', { name: /Gather/ }).click();
  await fig.locator('[data-tensor="relative_position_bias"] [data-index="1,4,0"]').hover();
  await expect(
    fig.locator('[data-tensor="relative_position_bias_table"] rect.linked')
  ).toHaveAttribute('data-index', `${formula.get('4,0')},1`);
});

test('the collision demo groups offsets by the sum without the multiply', async ({ page }) => {
  await page.goto(`/${FIG}`);
  const fig = await figureReady(page, FIG);
  // Shifted offsets (Δh + 2) + (Δw + 2) = 3 for (Δh, Δw) = (1, −2), (0, −1), (−1, 0), (−2, 1).
  await fig.locator('[data-naive-value="3"]').click();
  const detail = fig.locator('[data-collision-detail]');
  await expect(detail).toContainText('= 3 for 4 different offsets');
  const formula = formulaIndex(3, 3);
  for (const [dh, dw] of [
    [1, -2],
    [0, -1],
    [-1, 0],
    [-2, 1]
  ]) {
    const fixed = (dh + 2) * 5 + (dw + 2);
    expect([...formula.values()]).toContain(fixed);
    await expect(detail).toContainText(`(${dh}, ${dw}) → relative_position_index ${fixed}`);
  }
  await expect(fig.locator('[data-collision-summary]')).toContainText('no collision');
  const pairs = [...formula.keys()].filter((k) => {
    const [i, j] = k.split(',').map(Number);
    return Math.floor(i / 3) - Math.floor(j / 3) + (i % 3) - (j % 3) + 4 === 3;
  });
  await expect(fig.locator('[data-tensor="index_without_multiply"] rect.linked')).toHaveCount(
    pairs.length
  );
});

test('choosing a query token shows its row of the bias as a window image', async ({ page }) => {
  await page.goto(`/${FIG}?step=9`);
  const fig = await figureReady(page, FIG);
  await fig.locator('[data-token="4"]').hover();
  await expect(fig.locator('[data-token="4"]')).toHaveAttribute('aria-pressed', 'true');
  const bias = await readTensor(page, 'relative_position_bias');
  const row = await readTensor(page, 'bias_of_query');
  expect(row.shape).toEqual([2, 3, 3]);
  for (let h = 0; h < 2; h++)
    for (let j = 0; j < 9; j++)
      expect(row.values.get(`${h},${Math.floor(j / 3)},${j % 3}`)).toBe(
        bias.values.get(`${h},4,${j}`)
      );
  // The centre query sees its 3×3 block of the 5×5 offset image, one block per head.
  await expect(fig.locator('[data-tensor="table_by_offset"] rect.linked')).toHaveCount(18);
});

const bad: [string, string][] = [
  ['window_size=abc', 'window_size="abc" is not a window size'],
  ['window_size=2x3x4', 'write one whole number for a square window (window_size=3)'],
  ['window_size=99999999', 'Using window_size=8'],
  ['window_size=1000x2', 'Using window_size=8x2'],
  ['num_heads=abc', 'num_heads="abc" is not a number'],
  ['step=42', 'step=42 is not a step of this figure (1–9)']
];
explainsBadInput('relative-position-bias', bad);

test('the window_size control takes 2x3 and interactions leak no tensors', async ({ page }) => {
  await page.goto(`/${FIG}`);
  const fig = await figureReady(page, FIG);
  const before = await fig.getAttribute('data-tensors-alive');
  const input = fig.locator('input[name="window_size"]');
  await input.fill('2x3');
  await input.press('Enter');
  await expect(page).toHaveURL(/window_size=2x3/);
  await fig.getByRole('button', { name: /bias table/ }).click();
  await expect(fig.locator('[data-tensor="relative_position_bias_table"]')).toHaveAttribute(
    'data-shape',
    '15,2'
  );
  await fig.locator('input[name="num_heads"]').fill('3');
  await fig.locator('input[name="num_heads"]').press('Enter');
  await expect(fig.locator('[data-tensor="relative_position_bias_table"]')).toHaveAttribute(
    'data-shape',
    '15,3'
  );
  await fig.locator('[data-token="2"]').hover();
  await fig.locator('[data-naive-value="1"]').click();
  await expect(fig).toHaveAttribute('data-tensors-alive', before!);
});

test('the misconception notes are computed in the page', async ({ page }) => {
  await page.goto(`/${FIG}`);
  await expect(page.locator('[data-note="rows"]')).toContainText(
    "a 7×7 window's index takes 169 distinct values, 0..168, so the table needs 169 rows, where 2·Ww − 1 would give 13"
  );
  await expect(page.locator('[data-note="axis"]')).toContainText('changes the index by 5');
});
