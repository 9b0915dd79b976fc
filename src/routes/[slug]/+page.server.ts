import { error } from '@sveltejs/kit';
import { chapterBySlug, chapters } from '$lib/content/chapter-meta.server';
import type { EntryGenerator, PageServerLoad } from './$types';

// One prerendered page per content/NN-slug/index.md.
export const entries: EntryGenerator = () => chapters.map((c) => ({ slug: c.slug }));

// Runs at build time: the page carries its own metadata and its neighbours' titles as data.
export const load: PageServerLoad = ({ params }) => {
  const chapter = chapterBySlug(params.slug);
  if (!chapter) error(404, `No chapter "${params.slug}"`);
  const index = chapters.indexOf(chapter);
  const link = (c: (typeof chapters)[number] | undefined) =>
    c ? { slug: c.slug, title: c.title } : null;
  return { chapter, prev: link(chapters[index - 1]), next: link(chapters[index + 1]) };
};
