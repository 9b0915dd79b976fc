/**
 * The chapter list, read from `content/NN-slug/index.md`. Frontmatter is loaded eagerly (home page,
 * prev/next); each chapter's component is loaded only on its own page.
 */
import type { Component } from 'svelte';
import { slugify } from './slug.js';

export interface ChapterMeta {
  slug: string;
  title: string;
  summary: string;
  order: number;
  prerequisites: string[];
  references: { title: string; url: string }[];
  outline: { id: string; text: string; depth: 2 | 3 }[];
}

const metadata = import.meta.glob<Record<string, unknown>>('/content/*/index.md', {
  eager: true,
  import: 'metadata'
});
const sources = import.meta.glob<string>('/content/*/index.md', {
  eager: true,
  query: '?raw',
  import: 'default'
});
const components = import.meta.glob<{ default: Component }>('/content/*/index.md');

/** `## Heading` and `### Heading` lines outside code fences, as the outline. */
export function outlineOf(markdown: string): ChapterMeta['outline'] {
  const outline: ChapterMeta['outline'] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const m = !inFence && /^(##|###)\s+(.+?)\s*$/.exec(line);
    if (m)
      outline.push({
        depth: m[1].length as 2 | 3,
        text: m[2].replace(/`/g, ''),
        id: slugify(m[2])
      });
  }
  return outline;
}

function toMeta(path: string): ChapterMeta {
  const folder = path.split('/').at(-2) ?? '';
  const match = /^(\d+)-(.+)$/.exec(folder);
  if (!match) throw new Error(`content folder "${folder}" must be named NN-slug`);
  const fm = metadata[path] ?? {};
  for (const key of ['title', 'summary', 'order']) {
    if (fm[key] === undefined) throw new Error(`${path}: frontmatter needs "${key}"`);
  }
  return {
    slug: match[2],
    title: String(fm.title),
    summary: String(fm.summary),
    order: Number(fm.order),
    prerequisites: (fm.prerequisites as string[] | undefined) ?? [],
    references: (fm.references as ChapterMeta['references'] | undefined) ?? [],
    outline: outlineOf(sources[path] ?? '')
  };
}

const paths = new Map(Object.keys(metadata).map((p) => [toMeta(p).slug, p]));

export const chapters: ChapterMeta[] = Object.keys(metadata)
  .map(toMeta)
  .sort((a, b) => a.order - b.order);

export function chapterBySlug(slug: string): ChapterMeta | undefined {
  return chapters.find((c) => c.slug === slug);
}

export async function loadChapterComponent(slug: string): Promise<Component> {
  const path = paths.get(slug);
  if (!path) throw new Error(`no chapter "${slug}"`);
  return (await components[path]()).default;
}
