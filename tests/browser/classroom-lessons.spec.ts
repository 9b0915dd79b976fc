// Lessons: listed at /lessons (and from home), every slide renders its figure in presenter mode,
// PageDown/PageUp move slides with ?slide=N, the speaker view follows over a BroadcastChannel and
// the teacher's notes never reach the projected page.
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { parseLesson } from '../../src/lib/lessons/lesson';

const chapters = readdirSync('content')
  .filter((f) => /^\d+-/.test(f))
  .map((f) => f.replace(/^\d+-/, ''));
const lessons = readdirSync('content/lessons').map((f) =>
  parseLesson(f.replace(/\.md$/, ''), readFileSync(`content/lessons/${f}`, 'utf8'), chapters)
);

test('/lessons lists both lessons, and home links to it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Lessons' }).click();
  await expect(page).toHaveURL(/\/lessons$/);
  const items = page.locator('[data-lesson]');
  await expect(items).toHaveCount(lessons.length);
  for (const title of ['The SW-MSA mask in 15 minutes', 'Heads are not convolutions'])
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(items.first()).toContainText('slides');
});

for (const lesson of lessons) {
  test(`${lesson.slug}: every slide renders its figure with tensors, presented`, async ({
    page
  }) => {
    for (const [i, slide] of lesson.slides.entries()) {
      await page.goto(`/lessons/${lesson.slug}?slide=${i + 1}`);
      const fig = page.locator('[data-figure][data-presenting]');
      await expect(fig, `slide ${i + 1}`).toHaveAttribute('data-ready', 'true');
      await expect(fig.locator('[data-tensor]').first()).toBeVisible();
      await expect(fig.locator('[data-message]'), `slide ${i + 1} view is valid`).toHaveCount(0);
      const step = new URLSearchParams(slide.query).get('step');
      if (step) await expect(fig.locator('.step-heading')).toContainText(`Step ${step} of`);
      await expect(page.locator('h1')).toBeHidden(); // the lesson's own page is not projected
    }
  });
}

test('PageDown goes to ?slide=2, PageUp back; notes are never on the projected page', async ({
  page
}) => {
  const lesson = lessons.find((l) => l.slug === 'sw-msa-mask')!;
  await page.goto(`/lessons/${lesson.slug}`);
  const fig = page.locator('[data-figure][data-presenting]');
  await expect(fig).toHaveAttribute('data-figure', 'window-partition');
  await expect(fig).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/\?slide=2$/);
  await expect(page.locator('[data-figure][data-presenting]')).toHaveAttribute(
    'data-figure',
    'shifted-windows'
  );
  await expect(
    page.locator('[data-figure][data-presenting] [aria-current="step"]')
  ).toHaveAttribute('data-step', 'roll');
  await page.keyboard.press('PageUp');
  await expect(page).toHaveURL(/\?slide=1$/);
  const html = await page.content();
  for (const slide of lesson.slides) expect(html).not.toContain(slide.note[0]);
});

test('the speaker view opens with n, shows the note and stays in step both ways', async ({
  page
}) => {
  const lesson = lessons.find((l) => l.slug === 'heads-not-convolutions')!;
  await page.goto(`/lessons/${lesson.slug}`);
  await expect(page.locator('[data-figure][data-presenting]')).toHaveAttribute(
    'data-ready',
    'true'
  );
  const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('n')]);
  const view = speaker.locator('[data-speaker]');
  await expect(view).toHaveAttribute('data-slide', '1');
  await expect(speaker.locator('[data-note]')).toContainText(lesson.slides[0].note[0]);
  await page.keyboard.press('PageDown');
  await expect(view).toHaveAttribute('data-slide', '2');
  await expect(speaker.locator('[data-note]')).toContainText(lesson.slides[1].note[0]);
  await speaker.getByRole('button', { name: 'Next slide →' }).click();
  await expect(page).toHaveURL(/\?slide=3$/);
  await expect(view).toHaveAttribute('data-slide', '3');
});
