import {
  expect,
  explainsBadInput,
  figureReady,
  readTensor,
  test
} from '../../tests/browser/fixtures';

const FIG = 'window-attention';
const DONE = 'B=1&H=8&W=8&C=6&window_size=4&num_heads=2';

test('the done-when example: q is 4,2,16,3; attn is 4,2,16,16 and equals softmax(q·kᵀ + bias)', async ({
  page
}) => {
  await page.goto(`/${FIG}?${DONE}&step=6`);
  const fig = await figureReady(page, FIG);
  await expect(fig.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'qk');
  const q = await readTensor(page, 'q'); // already scaled
  const k = await readTensor(page, 'k');
  expect(q.shape).toEqual([4, 2, 16, 3]);
  await fig.getByRole('button', { name: /relative_position_bias/ }).click();
  const bias = await readTensor(page, 'relative_position_bias');
  expect(bias.shape).toEqual([2, 16, 16]);
  await fig.getByRole('button', { name: /softmax/ }).click();
  const attn = await readTensor(page, 'attn');
  expect(attn.shape).toEqual([4, 2, 16, 16]);
  // Recompute attn independently from the rendered q, k and bias.
  for (let b = 0; b < 4; b++)
    for (let h = 0; h < 2; h++)
      for (let i = 0; i < 16; i++) {
        const logits = Array.from({ length: 16 }, (_, j) => {
          let s = bias.values.get(`${h},${i},${j}`)!;
          for (let e = 0; e < 3; e++)
            s += q.values.get(`${b},${h},${i},${e}`)! * k.values.get(`${b},${h},${j},${e}`)!;
          return s;
        });
        const mx = Math.max(...logits);
        const ex = logits.map((l) => Math.exp(l - mx));
        const z = ex.reduce((a, c) => a + c, 0);
        let rowSum = 0;
        for (let j = 0; j < 16; j++) {
          const got = attn.values.get(`${b},${h},${i},${j}`)!;
          rowSum += got;
          expect(Math.abs(got - ex[j] / z)).toBeLessThan(1e-5);
        }
        expect(Math.abs(rowSum - 1)).toBeLessThan(1e-5);
      }
});

test('qkv: the permute sends channel s·C + h·d + e to qkv[s, b, h, n, e]', async ({ page }) => {
  await page.goto(`/${FIG}?${DONE}&step=3`);
  await figureReady(page, FIG);
  const lin = await readTensor(page, 'qkv_linear');
  const qkv = await readTensor(page, 'qkv');
  expect(lin.shape).toEqual([4, 16, 18]);
  expect(qkv.shape).toEqual([3, 4, 2, 16, 3]);
  for (let s = 0; s < 3; s++)
    for (let h = 0; h < 2; h++)
      for (let e = 0; e < 3; e++)
        expect(qkv.values.get(`${s},1,${h},5,${e}`)).toBe(
          lin.values.get(`1,5,${s * 6 + h * 3 + e}`)
        );
  // Hover a channel: exactly its destination lights up.
  await page.locator('[data-tensor="qkv_linear"] [data-index="1,5,10"]').hover();
  await expect(page.locator('[data-tensor="qkv"] rect.linked')).toHaveAttribute(
    'data-index',
    '1,1,1,5,1'
  );
  await expect(page.locator('[data-channel="10"]')).toHaveAttribute('data-dest', '1,1,1');
});

test('steps by keyboard with code lines; a logit links its q row and k row', async ({ page }) => {
  await page.goto(`/${FIG}`);
  const fig = await figureReady(page, FIG);
  const current = fig.locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('data-step', 'linear');
  await current.focus();
  for (let s = 0; s < 5; s++) await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'qk');
  await expect(page).toHaveURL(/step=6/);
  await expect(fig.locator('.line.current').first()).toContainText(
    'attn_qk = q_scaled @ k.transpose(-2, -1)'
  );
  await fig.locator('[data-tensor="attn_qk"] [data-index="2,1,5,9"]').hover();
  const qLinked = fig.locator('[data-tensor="q"] rect.linked');
  const kLinked = fig.locator('[data-tensor="k"] rect.linked');
  await expect(qLinked).toHaveCount(3);
  await expect(kLinked).toHaveCount(3);
  expect(await qLinked.evaluateAll((es) => es.map((e) => e.getAttribute('data-index')))).toEqual([
    '2,1,5,0',
    '2,1,5,1',
    '2,1,5,2'
  ]);
  expect(await kLinked.evaluateAll((es) => es.map((e) => e.getAttribute('data-index')))).toEqual([
    '2,1,9,0',
    '2,1,9,1',
    '2,1,9,2'
  ]);
  await page.keyboard.press('End');
  await expect(current).toHaveAttribute('data-step', 'proj');
  expect((await readTensor(page, 'x_out')).shape).toEqual([4, 16, 6]);
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-step', 'linear');
});

test('the matmul panel sums the contracted head_dim for the hovered logit', async ({ page }) => {
  await page.goto(`/${FIG}?step=6`);
  const fig = await figureReady(page, FIG);
  await fig.locator('[data-matmul] rect[data-c="3,7"]').hover();
  await expect(fig.locator('[data-matmul] rect.on[data-a]')).toHaveCount(3);
  await expect(fig.locator('[data-matmul] rect.on[data-bt]')).toHaveCount(3);
  await expect(fig.locator('[data-matmul-sum]')).toContainText(
    'attn_qk[0, 0][3, 7] = Σ over the contracted dim d = 3'
  );
});

test('the cost panel is computed from the parameters', async ({ page }) => {
  await page.goto(`/${FIG}?H=16&W=16&window_size=4`);
  const fig = await figureReady(page, FIG);
  // (HW)² = 65,536 against HW·M² = 4,096.
  await expect(fig.locator('[data-cost-summary]')).toContainText('65,536');
  await expect(fig.locator('[data-cost-summary]')).toContainText('256·16 = 4,096');
  await expect(fig.locator('svg[role="img"] path')).toHaveCount(3);
});

const bad: [string, string][] = [
  [
    'C=6&num_heads=4',
    'num_heads=4 does not divide C=6: each head takes C / num_heads channels, so choose one of 1, 2, 3, 6'
  ],
  ['window_size=abc', 'window_size="abc" is not a number'],
  ['H=10&window_size=4', 'H=10 is not a multiple of window_size=4'],
  ['B=4&H=64&W=64&C=48&window_size=16&num_heads=48', 'more than the 4,194,304'],
  ['H=99999999', 'H=99999999 is above the maximum 64']
];
explainsBadInput('window-attention', bad);

test('num_heads=4 with C=6 falls back to 3 heads and controls leak no tensors', async ({
  page
}) => {
  await page.goto(`/${FIG}?C=6&num_heads=4&step=4`);
  const fig = await figureReady(page, FIG);
  await expect(fig.locator('[data-tensor="q"]')).toHaveAttribute('data-shape', '4,3,16,2');
  const before = await fig.getAttribute('data-tensors-alive');
  await fig.locator('input[name="C"]').fill('8');
  await fig.locator('input[name="C"]').press('Enter');
  await fig.locator('input[name="num_heads"]').fill('4');
  await fig.locator('input[name="num_heads"]').press('Enter');
  await expect(fig.locator('[data-tensor="q"]')).toHaveAttribute('data-shape', '4,4,16,2');
  await expect(page).toHaveURL(/C=8/);
  await fig.locator('[data-tensor="q"] rect').first().hover();
  await expect(fig).toHaveAttribute('data-tensors-alive', before!);
});

test('the misconception notes are computed in the page', async ({ page }) => {
  await page.goto(`/${FIG}`);
  await expect(page.locator('[data-note="head-dim"]')).toContainText(
    'qkv has shape (3, 4, 2, 9, 3)'
  );
  await expect(page.locator('[data-note="head-dim"]')).toContainText('C // windows = 6 // 4 = 1');
  await expect(page.locator('[data-note="qkv"]')).toContainText(
    '153,664 entries instead of 9,834,496'
  );
});

test('a seed change on step 6 draws the whole forward pass; stepping back shows the same run', async ({
  page
}) => {
  // On step 6 the preview declines, so the complete trace runs in the frame (once) and serves
  // every step of that seed; stepping to step 1 must show the same x as a fresh page of seed 1.
  await page.goto(`/${FIG}?seed=1`);
  await figureReady(page, FIG);
  const fresh = await readTensor(page, 'qkv_linear');
  await page.goto(`/${FIG}?step=6`);
  const fig = await figureReady(page, FIG);
  const input = fig.locator('input[name="seed"]');
  await input.evaluate((el: HTMLInputElement) => {
    el.value = '1';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page).toHaveURL(/seed=1/);
  await figureReady(page, FIG);
  const q = await readTensor(page, 'q');
  const k = await readTensor(page, 'k');
  const qk = await readTensor(page, 'attn_qk');
  for (const [b, h, i, j] of [
    [0, 0, 0, 0],
    [3, 1, 15, 2],
    [2, 0, 7, 9]
  ]) {
    let dot = 0;
    for (let e = 0; e < 3; e++)
      dot += q.values.get(`${b},${h},${i},${e}`)! * k.values.get(`${b},${h},${j},${e}`)!;
    expect(Math.abs(qk.values.get(`${b},${h},${i},${j}`)! - dot)).toBeLessThan(1e-5);
  }
  await fig.locator('[data-step="linear"]').click();
  await figureReady(page, FIG);
  expect([...(await readTensor(page, 'qkv_linear')).values]).toEqual([...fresh.values]);
});
