import { error } from '@sveltejs/kit';
import { chapterBySlug, chapters, loadChapterComponent } from '$lib/content/chapters';
import type { EntryGenerator, PageLoad } from './$types';

// One prerendered page per content/NN-slug/index.md.
export const entries: EntryGenerator = () => chapters.map((c) => ({ slug: c.slug }));

export const load: PageLoad = async ({ params }) => {
  const chapter = chapterBySlug(params.slug);
  if (!chapter) error(404, `No chapter "${params.slug}"`);
  const index = chapters.indexOf(chapter);
  return {
    chapter,
    component: await loadChapterComponent(chapter.slug),
    prev: chapters[index - 1] ?? null,
    next: chapters[index + 1] ?? null
  };
};
