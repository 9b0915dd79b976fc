import {
  expect,
  explainsBadInput,
  figureReady,
  readTensor,
  test
} from '../../tests/browser/fixtures';

const ID = 'heads-vs-convolution';

/** Distinct kernels among the channels of `kernels [C, ws, ws]`, counted in the test. */
function distinctKernels(k: Awaited<ReturnType<typeof readTensor>>): number {
  const [C, ws] = k.shape;
  const rows = new Set<string>();
  for (let c = 0; c < C; c++) {
    const row: number[] = [];
    for (let y = 0; y < ws; y++)
      for (let x = 0; x < ws; x++) row.push(k.values.get(`${c},${y},${x}`)!);
    rows.add(row.join(' '));
  }
  return rows.size;
}

for (const heads of [1, 6])
  test(`C=6 num_heads=${heads}: ${heads} distinct map(s) per window, channels independent`, async ({
    page
  }) => {
    await page.goto(`/heads-vs-convolution?C=6&num_heads=${heads}&step=3`);
    const fig = await figureReady(page, ID);
    const counting = fig.locator('[data-experiment="counting"]');
    await expect(counting).toHaveAttribute('data-counts', Array(4).fill(heads).join(','));
    await expect(counting).toHaveAttribute('data-pass', 'true');
    const indep = fig.locator('[data-experiment="independence"]');
    await expect(indep).toHaveAttribute('data-pass', 'true');
    await expect(indep).toHaveAttribute('data-off-channel', '0');
    const kernels = await readTensor(page, 'kernels');
    expect(kernels.shape).toEqual([6, 3, 3]);
    expect(distinctKernels(kernels)).toBe(heads);
    // The table's answers come from the live Jacobians.
    const cell = (op: string, prop: string) =>
      fig.locator(`[data-operator="${op}"] [data-property="${prop}"]`);
    await expect(cell('attention', 'mixesChannels')).toHaveAttribute('data-yes', 'false');
    await expect(cell('attention', 'variesWithPosition')).toHaveAttribute('data-yes', 'true');
    await expect(cell('attention', 'dependsOnInput')).toHaveAttribute('data-yes', 'true');
    await expect(cell('depthwise', 'variesWithPosition')).toHaveAttribute('data-yes', 'false');
    await expect(cell('mdta', 'variesWithPosition')).toHaveAttribute('data-yes', 'false');
    await expect(cell('sca', 'mixesChannels')).toHaveAttribute('data-yes', 'false');
    await expect(fig.locator('[data-experiment="not-a-convolution"]')).toHaveAttribute(
      'data-pass',
      'true'
    );
  });

test('out equals attn @ v computed in the test, channel by channel', async ({ page }) => {
  await page.goto('/heads-vs-convolution?C=6&num_heads=2&step=2');
  await figureReady(page, ID);
  const attn = await readTensor(page, 'attn');
  const v = await readTensor(page, 'v');
  const out = await readTensor(page, 'out');
  expect(attn.shape).toEqual([4, 2, 9, 9]);
  expect(v.shape).toEqual([4, 2, 9, 3]);
  expect(out.shape).toEqual([4, 9, 6]);
  for (let w = 0; w < 4; w++)
    for (let i = 0; i < 9; i++)
      for (let c = 0; c < 6; c++) {
        const h = Math.floor(c / 3);
        let s = 0;
        for (let j = 0; j < 9; j++)
          s += attn.values.get(`${w},${h},${i},${j}`)! * v.values.get(`${w},${h},${j},${c % 3}`)!;
        expect(out.values.get(`${w},${i},${c}`)).toBeCloseTo(s, 5);
      }
});

test('steps by keyboard and links attn, v, out and kernels on hover', async ({ page }) => {
  await page.goto('/heads-vs-convolution');
  const fig = await figureReady(page, ID);
  const current = fig.locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('data-step', 'softmax');
  await current.focus();
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'av');
  await expect(fig.locator('.line.current').first()).toBeVisible();
  // attn[0, 1, 4, 2] weighs token 2 of v into token 4 of out, in the channels of head 1 (3, 4, 5).
  await fig.locator('[data-tensor="attn"] [data-index="0,1,4,2"]').hover();
  const vLinked = fig.locator('[data-tensor="v"] rect.linked');
  await expect(vLinked).toHaveCount(3);
  await expect(vLinked.first()).toHaveAttribute('data-index', '0,1,2,0');
  await expect(fig.locator('[data-tensor="out"] rect.linked')).toHaveCount(3);
  // out[1, 7, 2] comes from channel 2 of v only, at every token of window 1.
  await fig.locator('[data-tensor="out"] [data-index="1,7,2"]').hover();
  const fromV = await fig
    .locator('[data-tensor="v"] rect.linked')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-index')));
  expect(fromV).toHaveLength(9);
  expect(fromV.every((i) => /^1,0,\d,2$/.test(i!))).toBe(true);
  await current.focus();
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'kernels');
  // kernels[4, 0, 2]: channel 4 at key token 2 → v[0, 1, 2, 1] and out[0, 4, 4] (pixel 4).
  await fig.locator('[data-tensor="kernels"] [data-index="4,0,2"]').hover();
  await expect(fig.locator('[data-tensor="v"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,1,2,1'
  );
  await expect(fig.locator('[data-tensor="out"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,4,4'
  );
  await current.focus();
  await page.keyboard.press('End');
  await expect(current).toHaveAttribute('data-step', 'sca');
  await expect(page).toHaveURL(/step=5/);
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-step', 'softmax');
});

test('the divisor slider reruns the experiments and leaks no tensors', async ({ page }) => {
  await page.goto('/heads-vs-convolution');
  const fig = await figureReady(page, ID);
  const before = await fig.getAttribute('data-tensors-alive');
  const slider = fig.getByRole('slider');
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/num_heads=6/);
  await expect(fig.locator('[data-experiment="counting"]')).toHaveAttribute(
    'data-counts',
    '6,6,6,6'
  );
  await page.keyboard.press('Home');
  await expect(fig.locator('[data-experiment="counting"]')).toHaveAttribute(
    'data-counts',
    '1,1,1,1'
  );
  await fig.locator('input[name="C"]').fill('4');
  await fig.locator('input[name="C"]').press('Enter');
  await expect(fig.locator('[data-tensor="attn"]')).toHaveAttribute('data-shape', '4,1,9,9');
  await expect(fig).toHaveAttribute('data-tensors-alive', before!);
});

test('misconception notes carry numbers computed in the page', async ({ page }) => {
  await page.goto('/heads-vs-convolution');
  await expect(page.locator('[data-fact="counts1"]')).toHaveText('1, 1, 1, 1');
  await expect(page.locator('[data-fact="counts6"]')).toHaveText('6, 6, 6, 6');
  await expect(page.locator('[data-fact="off6"]')).toHaveText('0');
  expect(Number(await page.locator('[data-fact="toeplitz"]').textContent())).toBeGreaterThan(0.01);
});

const bad: [string, string][] = [
  ['C=6&num_heads=4', 'num_heads=4 does not divide C=6: choose one of 1, 2, 3, 6'],
  ['C=abc', 'C="abc" is not a number; using the default 6.'],
  ['C=99999999', 'C=99999999 is above the maximum 12'],
  ['window_size=2&pixel=9', 'pixel=9 is outside the window'],
  ['step=42', 'step=42 is not a step of this figure (1–5)']
];
explainsBadInput('heads-vs-convolution', bad);
