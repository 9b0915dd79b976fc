import {
  expect,
  explainsBadInput,
  figureReady,
  readTensor,
  test
} from '../../tests/browser/fixtures';

const ID = 'restormer';
const STEP = { normalize: 6, qk: 7, softmax: 8, gate: 17 };

/** erf by Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7), for an independent exact GELU. */
function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-a * a);
  return s * y;
}
const gelu = (x: number) => 0.5 * x * (1 + erf(x / Math.SQRT2));

test('C=8 H=6 W=5 num_heads=2: attn is 1,2,4,4, rows sum to 1, equal to softmax(q·kᵀ) recomputed here', async ({
  page
}) => {
  await page.goto(`/restormer?C=8&H=6&W=5&num_heads=2&step=${STEP.qk}`);
  const fig = await figureReady(page, ID);
  const q = await readTensor(page, 'q');
  const k = await readTensor(page, 'k');
  expect(q.shape).toEqual([1, 2, 4, 30]);
  // L2-normalised over H·W: unit rows.
  for (let h = 0; h < 2; h++)
    for (let i = 0; i < 4; i++) {
      let s = 0;
      for (let p = 0; p < 30; p++) s += q.values.get(`0,${h},${i},${p}`)! ** 2;
      expect(Math.sqrt(s)).toBeCloseTo(1, 4);
    }
  await fig.locator('[aria-current="step"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'softmax');
  await expect(page).toHaveURL(/step=8/);
  const attn = await readTensor(page, 'attn');
  expect(attn.shape).toEqual([1, 2, 4, 4]);
  await expect(fig.locator('[data-tensor="attn"]')).toHaveAttribute('data-shape', '1,2,4,4');
  for (let h = 0; h < 2; h++)
    for (let i = 0; i < 4; i++) {
      // temperature = 1 (its initial value): attn = softmax(q·kᵀ) over the last axis.
      const logits = [0, 1, 2, 3].map((j) => {
        let s = 0;
        for (let p = 0; p < 30; p++)
          s += q.values.get(`0,${h},${i},${p}`)! * k.values.get(`0,${h},${j},${p}`)!;
        return s;
      });
      const m = Math.max(...logits);
      const e = logits.map((l) => Math.exp(l - m));
      const z = e.reduce((a, b) => a + b, 0);
      let row = 0;
      for (let j = 0; j < 4; j++) {
        const got = attn.values.get(`0,${h},${i},${j}`)!;
        expect(got).toBeCloseTo(e[j] / z, 5);
        row += got;
      }
      expect(row).toBeCloseTo(1, 5);
    }
});

test('GDFN: gated = gelu(x1) · x2 with the exact GELU; hidden = int(8 · 2.66) = 21', async ({
  page
}) => {
  await page.goto(`/restormer?step=${STEP.gate}`);
  await figureReady(page, ID);
  const x1 = await readTensor(page, 'x1');
  const x2 = await readTensor(page, 'x2');
  const gated = await readTensor(page, 'gated');
  expect(gated.shape).toEqual([1, 21, 6, 5]);
  for (const [idx, g] of gated.values)
    expect(g).toBeCloseTo(gelu(x1.values.get(idx)!) * x2.values.get(idx)!, 4);
});

test('steps by keyboard; chunk and rearrange link q, k, v back into qkv', async ({ page }) => {
  await page.goto('/restormer');
  const fig = await figureReady(page, ID);
  const current = fig.locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('data-step', 'norm1');
  await current.focus();
  await page.keyboard.press('End');
  await expect(current).toHaveAttribute('data-step', 'residual2');
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-step', 'norm1');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'rearrange');
  await expect(fig.locator('.line.current').first()).toBeVisible();
  // v[0, 1, 2, 7] is channel 2C/… : v = channels 16..23 of qkv; head 1, row 2 → channel 16+4+2=22;
  // pixel 7 of a 6×5 map is (1, 2).
  await fig.locator('[data-tensor="v"] [data-index="0,1,2,7"]').hover();
  await expect(fig.locator('[data-tensor="qkv"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,22,1,2'
  );
  const qkv = await readTensor(page, 'qkv');
  const v = await readTensor(page, 'v');
  expect(v.values.get('0,1,2,7')).toBe(qkv.values.get('0,22,1,2'));
});

test('cost plot: the formulas agree with the real tensors; ffn_expansion_factor is a float control', async ({
  page
}) => {
  await page.goto('/restormer?step=17');
  const fig = await figureReady(page, ID);
  const check = fig.locator('[data-experiment="cost-check"]');
  await expect(check).toHaveAttribute('data-pass', 'true');
  await expect(check).toHaveAttribute('data-passed', '6');
  await expect(fig.locator('circle.check[data-ok="true"]')).toHaveCount(12);
  const before = await fig.getAttribute('data-tensors-alive');
  for (const name of ['C', 'H', 'W', 'num_heads', 'ffn_expansion_factor', 'seed'])
    await expect(fig.locator(`input[name="${name}"]`)).toHaveCount(1);
  const ffn = fig.locator('input[name="ffn_expansion_factor"]');
  await ffn.fill('1.5');
  await ffn.press('Enter');
  await expect(page).toHaveURL(/ffn_expansion_factor=1\.5/);
  await expect(fig.locator('[data-tensor="gated"]')).toHaveAttribute('data-shape', '1,12,6,5');
  await fig.locator('input[name="num_heads"]').fill('4');
  await fig.locator('input[name="num_heads"]').press('Enter');
  await fig.getByRole('button', { name: /softmax/ }).click();
  await expect(fig.locator('[data-tensor="attn"]')).toHaveAttribute('data-shape', '1,4,2,2');
  await expect(fig).toHaveAttribute('data-tensors-alive', before!);
});

test('misconception notes carry numbers computed in the page', async ({ page }) => {
  await page.goto('/restormer');
  await expect(page.locator('[data-fact="attnShape"]')).toHaveText('(1, 2, 4, 4)');
  await expect(page.locator('[data-fact="dwGroups"]')).toHaveText('24/24');
  await expect(page.locator('[data-fact="geluNeg"]')).toHaveText('-0.1587');
  await expect(page.locator('[data-fact="params"]')).toHaveText('26,126,644');
});

const bad: [string, string][] = [
  ['C=8&num_heads=3', 'num_heads=3 does not divide C=8: choose one of 1, 2, 4, 8'],
  [
    'ffn_expansion_factor=abc',
    'ffn_expansion_factor="abc" is not a number; using the default 2.66.'
  ],
  ['H=99999&W=99999', 'H=99999 is above the maximum 48'],
  ['C=1&ffn_expansion_factor=0.5', 'GDFN needs at least 1'],
  ['step=99', 'step=99 is not a step of this figure (1–19)']
];
explainsBadInput('restormer', bad);
