import { error } from '@sveltejs/kit';
import { lessonBySlug, lessons, withoutNotes } from '$lib/lessons/lessons.server';
import type { EntryGenerator, PageServerLoad } from './$types';

// One prerendered page per content/lessons/<slug>.md.
export const entries: EntryGenerator = () => lessons.map((l) => ({ slug: l.slug }));

// The projected page never carries the teacher's notes: they are the speaker view's only.
export const load: PageServerLoad = ({ params }) => {
  const lesson = lessonBySlug(params.slug);
  if (!lesson) error(404, `No lesson "${params.slug}"`);
  return { lesson: withoutNotes(lesson) };
};
