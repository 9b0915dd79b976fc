import { chapters } from '$lib/content/chapter-meta.server';

// Runs at build time (prerendered): the home page gets titles and summaries as data, not code.
export function load() {
  return { chapters: chapters.map(({ slug, title, summary }) => ({ slug, title, summary })) };
}
