// The first load of every prerendered page (after `npm run build`): small, its own chapter only,
// no tfjs. Reads build/ and the Vite manifest; no browser needed.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { firstLoad, TFJS_MARKER } from '../../scripts/first-load.mjs';

const LIMIT_GZIP = 60 * 1024;

/** The first run of plain words in the chapter's prose, as the compiled page holds it too. */
function proseMarker(folder: string): string {
  const md = readFileSync(`content/${folder}/index.md`, 'utf8');
  const body = md.slice(md.lastIndexOf('</script>') + '</script>'.length);
  for (const line of body.split('\n')) {
    if (!/^[A-Z]/.test(line.trim())) continue; // prose, not markup, math, lists or quotes
    const run = line.match(/[A-Za-z][A-Za-z ,]{23,}/)?.[0];
    if (run) return run.slice(0, 24);
  }
  return '';
}

const folders = readdirSync('content').filter((f) => /^\d+-/.test(f));
const markers = folders.map((f) => ({ slug: f.replace(/^\d+-/, ''), marker: proseMarker(f) }));
const pages = firstLoad();

test('every chapter has a prose marker to look for', () => {
  // Lessons (/lessons, /lessons/<slug>, its speaker view) are pages too, not chapters.
  const chapterPages = pages.filter((p) => !p.page.startsWith('/lessons'));
  expect(chapterPages.length).toBe(folders.length + 1);
  expect(pages.length).toBeGreaterThan(chapterPages.length);
  for (const m of markers) expect(m.marker.length, m.slug).toBe(24);
});

for (const { page, first, chapter } of pages) {
  test(`first load of ${page}: ≤ 60 KB gzip, no tfjs, no other chapter`, () => {
    expect(first.files.length).toBeGreaterThan(0);
    expect(first.gzip, `${page}: ${first.files.join(', ')}`).toBeLessThanOrEqual(LIMIT_GZIP);
    const code = first.code + chapter.code;
    expect(code.includes(TFJS_MARKER), 'tfjs in the first load').toBe(false);
    for (const { slug, marker } of markers) {
      // The chapter's own prose is in its chunk; nobody else's is anywhere in this page's load.
      expect(code.includes(marker), `${slug}'s prose "${marker}"`).toBe(page === `/${slug}`);
    }
  });
}
