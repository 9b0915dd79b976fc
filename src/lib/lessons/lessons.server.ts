/**
 * Every lesson in content/lessons/, read and checked at build time (prerendering runs this): a
 * slide that names a missing chapter fails the build instead of a class.
 */
import { chapters } from '$lib/content/chapter-meta.server';
import { parseLesson, type Lesson } from './lesson';

const sources = import.meta.glob<string>('/content/lessons/*.md', {
  eager: true,
  query: '?raw',
  import: 'default'
});

const slugs = chapters.map((c) => c.slug);

export const lessons: Lesson[] = Object.entries(sources)
  .map(([path, source]) => parseLesson(path.split('/').at(-1)!.replace(/\.md$/, ''), source, slugs))
  .sort((a, b) => a.title.localeCompare(b.title));

export function lessonBySlug(slug: string): Lesson | undefined {
  return lessons.find((l) => l.slug === slug);
}

/** What the projected page gets: everything but the teacher's notes. */
export function withoutNotes(lesson: Lesson): Lesson {
  return { ...lesson, slides: lesson.slides.map((s) => ({ ...s, note: [] })) };
}
