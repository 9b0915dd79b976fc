/** What the home page and a chapter's frame know of a chapter: its frontmatter and outline. */
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
