import { error } from '@sveltejs/kit';
import { lessonBySlug, lessons } from '$lib/lessons/lessons.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => lessons.map((l) => ({ slug: l.slug }));

// The speaker view: the lesson with its notes, opened by `n` in a second window.
export const load: PageServerLoad = ({ params }) => {
  const lesson = lessonBySlug(params.slug);
  if (!lesson) error(404, `No lesson "${params.slug}"`);
  return { lesson };
};
