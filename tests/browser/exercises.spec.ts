// Every exercise of every chapter, in the browser: a wrong answer is explained, the right answer
// (computed here from data-params, independently of the page) is accepted, New variant changes
// the parameters, and the solved count survives a reload; every named mistake is named. The
// keyboard, class links, stored progress and axe: exercises-edges.spec.ts.
import { expect, test } from './fixtures';
import { answer, checkFor, ready } from './exercise-kit';
import { expected, wrongAnswer } from '../exercises/expected';
import { namedMistakes, namesAnswer } from '../exercises/named-mistakes';

for (const [slug, byId] of Object.entries(expected)) {
  const n = Object.keys(byId).length;
  for (const [id, solve] of Object.entries(byId)) {
    test(`/${slug} ${id}: wrong is explained, right is correct, new variant, progress kept`, async ({
      page
    }) => {
      await page.goto(`/${slug}`);
      const progress = page.locator('[data-progress]');
      await expect(progress).toHaveAttribute('data-progress', `0/${n}`);
      const { ex, params } = await ready(page, id);
      await expect(ex).toHaveAttribute('data-state', 'unanswered');
      const right = solve(params);

      await answer(ex, wrongAnswer(right, params), right);
      await checkFor(ex, 'incorrect');
      await expect(ex.locator('[data-feedback]')).toContainText(/Not quite\. \S+/);
      await expect(progress).toHaveAttribute('data-progress', `0/${n}`);

      await answer(ex, right);
      await checkFor(ex, 'correct');
      await expect(progress).toHaveAttribute('data-progress', `1/${n}`);

      await ex.locator('[data-hint]').click();
      await expect(ex.locator('[data-hint-text]')).toContainText('Hint:');
      await ex.locator('[data-reveal]').click();
      await expect(ex.locator('[data-revealed]')).toBeVisible();

      const before = await ex.getAttribute('data-params');
      await ex.locator('[data-new-variant]').click();
      await expect(ex).not.toHaveAttribute('data-params', before!);
      await expect(ex).toHaveAttribute('data-state', 'unanswered');

      await page.reload();
      await expect(progress).toHaveAttribute('data-progress', `1/${n}`);
      await expect(page.locator(`[data-exercise="${id}"]`)).toHaveAttribute('data-solved', 'true');
      await progress.locator('[data-reset-progress]').click();
      await expect(progress).toHaveAttribute('data-progress', `0/${n}`);
    });
  }
}

for (const [slug, byId] of Object.entries(namedMistakes))
  for (const [id, list] of Object.entries(byId))
    list.forEach((mistake, n) =>
      test(`/${slug} ${id}: the mistake "${mistake.message}" is named`, async ({ page }) => {
        await page.goto(`/${slug}`);
        let { ex, params } = await ready(page, id);
        // New variants until this mistake gives a wrong answer of its own.
        for (let i = 0; !namesAnswer(list, n, params, expected[slug][id](params)); i++) {
          expect(i, 'a variant where the mistake applies').toBeLessThan(30);
          const before = await ex.getAttribute('data-params');
          await ex.locator('[data-new-variant]').click();
          await expect(ex).not.toHaveAttribute('data-params', before!);
          ({ ex, params } = await ready(page, id));
        }
        await answer(ex, mistake.answer(params));
        await ex.locator('[data-check]').click();
        await expect(ex).toHaveAttribute('data-state', 'incorrect');
        const feedback = ex.locator('[data-feedback]');
        await expect(feedback).toContainText('Not quite.');
        await expect(feedback).toContainText(mistake.message);
      })
    );
