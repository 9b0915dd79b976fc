/**
 * The chapter list, read from `content/NN-slug/index.md` at build time (server-only: prerendering
 * runs it, so no page's JavaScript carries another chapter's frontmatter, prose or code).
 */
import { slugOfFolder } from './chapter-components';
import { outlineOf, type ChapterMeta } from './outline';

const metadata = import.meta.glob<Record<string, unknown>>('/content/*/index.md', {
  eager: true,
  import: 'metadata'
});
const sources = import.meta.glob<string>('/content/*/index.md', {
  eager: true,
  query: '?raw',
  import: 'default'
});

function toMeta(path: string): ChapterMeta {
  const fm = metadata[path] ?? {};
  for (const key of ['title', 'summary', 'order']) {
    if (fm[key] === undefined) throw new Error(`${path}: frontmatter needs "${key}"`);
  }
  return {
    slug: slugOfFolder(path),
    title: String(fm.title),
    summary: String(fm.summary),
    order: Number(fm.order),
    prerequisites: (fm.prerequisites as string[] | undefined) ?? [],
    references: (fm.references as ChapterMeta['references'] | undefined) ?? [],
    outline: outlineOf(sources[path] ?? '')
  };
}

export const chapters: ChapterMeta[] = Object.keys(metadata)
  .map(toMeta)
  .sort((a, b) => a.order - b.order);

export function chapterBySlug(slug: string): ChapterMeta | undefined {
  return chapters.find((c) => c.slug === slug);
}
