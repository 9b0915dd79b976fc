import {
  expect,
  explainsBadInput,
  figureReady,
  readTensor,
  test
} from '../../tests/browser/fixtures';

const ID = 'patch-merging';
const STEP = { embed: 1, view: 2, slice: 3, cat: 4, reduce: 5, unshuffle: 6, shuffle: 7 };
/** PatchMerging's (dy, dx) for x0, x1, x2, x3: x[0::2, 0::2], x[1::2, 0::2], x[0::2, 1::2], x[1::2, 1::2]. */
const OFFSETS = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1]
];

test('B=1 H=4 W=6 C=3: x_cat = torch.cat([x0, x1, x2, x3], -1) and x_unshuffled = F.pixel_unshuffle of the x shown', async ({
  page
}) => {
  const [B, H, W, C] = [1, 4, 6, 3];
  await page.goto(`/patch-merging?B=1&H=4&W=6&C=3&step=${STEP.cat}`);
  const fig = await figureReady(page, ID);
  const x = await readTensor(page, 'x');
  expect(x.shape).toEqual([B, H, W, C]);
  const xAt = (b: number, y: number, xx: number, c: number) => x.values.get(`${b},${y},${xx},${c}`);
  const cat = await readTensor(page, 'x_cat');
  expect(cat.shape).toEqual([B, H / 2, W / 2, 4 * C]);
  expect(cat.values.size).toBe(B * H * W * C);
  // torch.cat([x[:, 0::2, 0::2], x[:, 1::2, 0::2], x[:, 0::2, 1::2], x[:, 1::2, 1::2]], -1), here.
  for (let i = 0; i < H / 2; i++)
    for (let j = 0; j < W / 2; j++)
      for (let q = 0; q < 4; q++)
        for (let c = 0; c < C; c++) {
          const [dy, dx] = OFFSETS[q];
          expect(cat.values.get(`0,${i},${j},${q * C + c}`)).toBe(
            xAt(0, 2 * i + dy, 2 * j + dx, c)
          );
        }

  await fig.locator('[aria-current="step"]').focus();
  await page.keyboard.press('ArrowRight');
  expect((await readTensor(page, 'x_merged')).shape).toEqual([B, (H / 2) * (W / 2), 2 * C]);
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'unshuffle');
  const un = await readTensor(page, 'x_unshuffled');
  expect(un.shape).toEqual([B, 4 * C, H / 2, W / 2]);
  // F.pixel_unshuffle(x.permute(0, 3, 1, 2), 2): out[c·4 + i·2 + j, y, x] = in[c, 2y + i, 2x + j].
  for (let c = 0; c < C; c++)
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++)
        for (let y = 0; y < H / 2; y++)
          for (let xx = 0; xx < W / 2; xx++)
            expect(un.values.get(`0,${c * 4 + i * 2 + j},${y},${xx}`)).toBe(
              xAt(0, 2 * y + i, 2 * xx + j, c)
            );
  // The permutation table, against the two formulas.
  const rows = fig.locator('[data-table="channel-permutation"] tbody tr');
  await expect(rows).toHaveCount(4 * C);
  for (let k = 0; k < 4 * C; k++) {
    const [q, c] = [Math.floor(k / C), k % C];
    const [dy, dx] = OFFSETS[q];
    await expect(rows.nth(k)).toHaveAttribute('data-unshuffled', String(c * 4 + dy * 2 + dx));
  }
  await expect(fig.locator('[data-check="gather"]')).toHaveAttribute('data-value', '0');
  await page.keyboard.press('End');
  const back = await readTensor(page, 'x_shuffled');
  expect(back.shape).toEqual([B, C, H, W]);
  for (const [idx, v] of back.values) {
    const [b, c, y, xx] = idx.split(',').map(Number);
    expect(v).toBe(xAt(b, y, xx, c));
  }
});

test('PatchEmbed: tokens are [B, L, embed_dim] and hovering a token lights its patch', async ({
  page
}) => {
  await page.goto('/patch-merging?B=2&embed_dim=5');
  const fig = await figureReady(page, ID);
  await expect(fig.locator('[data-tensor="tokens"]')).toHaveAttribute('data-shape', '2,6,5');
  // Token 4 of image 1 is patch (1, 1) of 2×2: rows 2–3, columns 2–3, all three channels.
  await fig.locator('[data-tensor="tokens"] [data-index="1,4,2"]').hover();
  const linked = fig.locator('[data-tensor="x"] rect.linked');
  await expect(linked).toHaveCount(12);
  const got = await linked.evaluateAll((els) => els.map((e) => e.getAttribute('data-index')));
  const want = [];
  for (const y of [2, 3])
    for (const xx of [2, 3]) for (const c of [0, 1, 2]) want.push(`1,${y},${xx},${c}`);
  expect(got.sort()).toEqual(want.sort());
  // The whole token lights too.
  await expect(fig.locator('[data-tensor="tokens"] rect.linked')).toHaveCount(5);
});

test('steps by keyboard, marks the current step and highlights its code lines', async ({
  page
}) => {
  await page.goto('/patch-merging');
  const fig = await figureReady(page, ID);
  const current = fig.locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('data-step', 'embed');
  await current.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', 'slice');
  await expect(page).toHaveURL(/step=3/);
  await expect(fig.locator('[data-tensor="x2"]')).toHaveAttribute('data-shape', '1,2,3,3');
  const lines = fig.locator('.line.current');
  await expect(lines.first()).toContainText('x0 = x4[:, 0::2, 0::2]');
  await expect(fig.locator('.line.current', { hasText: 'pick(1, 0)' })).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(current).toHaveAttribute('data-step', 'shuffle');
  await expect(fig.locator('.line.current').first()).toContainText('x.view(B, C, r, r, H, W)');
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-step', 'embed');
});

test('hover links every channel of x_cat and x_unshuffled back to its pixel', async ({ page }) => {
  await page.goto(`/patch-merging?step=${STEP.unshuffle}`);
  const fig = await figureReady(page, ID);
  // x_cat[0, 1, 2, 4]: k = 4 = 1·3 + 1 → x1 (odd row), channel 1 → x[0, 3, 4, 1] = x_unshuffled[0, 6, 1, 2].
  await fig.locator('[data-tensor="x_cat"] [data-index="0,1,2,4"]').hover();
  await expect(fig.locator('[data-tensor="x"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,3,4,1'
  );
  await expect(fig.locator('[data-tensor="x_unshuffled"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,6,1,2'
  );
  // Keyboard: focus x_unshuffled's first cell, move right → x_unshuffled[0, 0, 0, 1] ← x[0, 0, 2, 0].
  await fig.locator('[data-tensor="x_unshuffled"] rect[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('[data-tensor="x"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,0,2,0'
  );
  await expect(fig.locator('[data-tensor="x_cat"] rect.linked')).toHaveAttribute(
    'data-index',
    '0,0,1,0'
  );
  // A merged token lights its whole 2×2 neighbourhood: 4 pixels × 3 channels.
  await fig.getByRole('button', { name: /LayerNorm/ }).click();
  await fig.locator('[data-tensor="x_merged"] [data-index="0,5,0"]').hover();
  await expect(fig.locator('[data-tensor="x"] rect.linked')).toHaveCount(12);
  await expect(fig.locator('[data-tensor="x_cat"] rect.linked')).toHaveCount(12);
});

explainsBadInput(ID, [
  ['H=5&W=6', 'H=5 is odd, but PatchMerging needs an even height'],
  ['W=7', 'W=7 is odd, but PatchMerging needs an even width'],
  ['H=6&W=6&patch_size=4', 'H=6 is not a multiple of patch_size=4'],
  ['B=8&H=1024&W=1024&C=8', 'more than the 4,194,304'],
  ['H=64&W=64', 'more than the 4,096 this figure draws'],
  ['C=abc', 'C="abc" is not a number; using the default 3.'],
  ['step=99', 'step=99 is not a step of this figure (1–7); showing step 7.']
]);

test('H=5 explains the official assertion and runs on H=6', async ({ page }) => {
  await page.goto('/patch-merging?H=5&W=6');
  const fig = await figureReady(page, ID);
  await expect(fig.locator('[data-message]').first()).toContainText('"x size (5*6) are not even."');
  await expect(fig.locator('[data-tensor="x"]')).toHaveAttribute('data-shape', '1,6,6,3');
});

test('controls are named by the PyTorch argument, update the URL and leave no tensors behind', async ({
  page
}) => {
  await page.goto('/patch-merging');
  const fig = await figureReady(page, ID);
  const before = await fig.getAttribute('data-tensors-alive');
  for (const name of ['B', 'H', 'W', 'C', 'patch_size', 'embed_dim', 'seed'])
    await expect(fig.locator(`input[name="${name}"]`)).toHaveCount(1);
  await fig.locator('input[name="patch_size"]').fill('1');
  await fig.locator('input[name="patch_size"]').press('Enter');
  await expect(page).toHaveURL(/patch_size=1/);
  await expect(fig.locator('[data-tensor="tokens"]')).toHaveAttribute('data-shape', '1,24,6');
  await fig.locator('input[name="C"]').fill('2');
  await fig.locator('input[name="C"]').press('Enter');
  await fig.getByRole('button', { name: /torch.cat/ }).click();
  await expect(fig.locator('[data-tensor="x_cat"]')).toHaveAttribute('data-shape', '1,2,3,8');
  await fig.locator('input[name="seed"]').fill('5');
  await fig.locator('input[name="seed"]').press('Enter');
  await expect(page).toHaveURL(/seed=5/);
  await expect(fig).toHaveAttribute('data-tensors-alive', before!);
  expect(before).toBe('0');
});

test('the misconception notes show numbers computed in the page', async ({ page }) => {
  await page.goto('/patch-merging');
  // x_cat channel k = q·3 + c is x_unshuffled channel c·4 + dy·2 + dx, written out here.
  const perm = Array.from({ length: 12 }, (_, k) => {
    const [dy, dx] = OFFSETS[Math.floor(k / 3)];
    return (k % 3) * 4 + dy * 2 + dx;
  });
  await expect(page.locator('[data-fact="perm3"]')).toHaveText(perm.join(', '));
  await expect(page.locator('[data-fact="fixed3"]')).toHaveText('2 of 12');
  await expect(page.locator('[data-fact="swinTokens"]')).toHaveText('(B, 3136, 96)');
  await expect(page.locator('[data-fact="convParams"]')).toHaveText('4,704');
});
