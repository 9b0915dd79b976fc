import { lessons } from '$lib/lessons/lessons.server';

// Build time: the list carries each lesson's frontmatter and slide count, no chapter code.
export function load() {
  return {
    lessons: lessons.map(({ slug, title, summary, duration, audience, slides }) => ({
      slug,
      title,
      summary,
      duration,
      audience,
      slides: slides.length
    }))
  };
}
