/**
 * A lesson is `content/lessons/<slug>.md`: frontmatter (title, summary, duration, audience), then
 * one `## ` section per slide. A slide names the figure view it shows on a `view:` line
 * (`/chapter-slug?query`, the link "Link to this view" gives) and the rest of the section is the
 * teacher's note, shown only in the speaker view. Parsed at build time; a bad lesson fails the build
 * with a message that says where.
 */
export interface Slide {
  title: string;
  chapter: string;
  /** The figure's query, `?H=9&step=2` or ''. */
  query: string;
  /** The teacher's note, paragraphs of plain text (Markdown marks kept as typed). */
  note: string[];
}

export interface Lesson {
  slug: string;
  title: string;
  summary: string;
  duration: string;
  audience: string;
  slides: Slide[];
}

const REQUIRED = ['title', 'summary', 'duration', 'audience'] as const;

/** `key: value` lines between `---` fences (values may be quoted); the rest is the body. */
export function frontmatter(source: string): { fields: Record<string, string>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!m) return { fields: {}, body: source };
  const fields: Record<string, string> = {};
  let last = '';
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z_]\w*):\s*(.*)$/.exec(line);
    if (kv) fields[(last = kv[1])] = kv[2].replace(/^(['"])(.*)\1$/, '$2');
    // A folded continuation line (prettier wraps long values).
    else if (last && /^\s+\S/.test(line)) fields[last] += ' ' + line.trim();
  }
  return { fields, body: source.slice(m[0].length) };
}

/** `/shifted-windows?step=2` → chapter and query; null if it is not such a link. */
export function parseView(view: string): { chapter: string; query: string } | null {
  const m = /^\/?([a-z0-9-]+)(\?[^\s#]*)?$/.exec(view.trim());
  return m ? { chapter: m[1], query: m[2] ?? '' } : null;
}

export function parseLesson(slug: string, source: string, chapters: readonly string[]): Lesson {
  const where = `content/lessons/${slug}.md`;
  const { fields, body } = frontmatter(source);
  for (const key of REQUIRED)
    if (!fields[key]) throw new Error(`${where}: frontmatter needs "${key}"`);
  const sections = body.split(/^## /m).slice(1);
  if (!sections.length) throw new Error(`${where}: no slides (each slide is a "## " section)`);
  const slides = sections.map((section, i) => {
    const [heading, ...lines] = section.split(/\r?\n/);
    const at = lines.findIndex((l) => /^\s*(?:[-*]\s+)?view:/.test(l));
    if (at < 0) throw new Error(`${where}: slide ${i + 1} "${heading}" has no "view:" line`);
    const raw = lines[at].replace(/^\s*(?:[-*]\s+)?view:\s*/, '').replace(/^`|`$/g, '');
    const view = parseView(raw);
    if (!view) throw new Error(`${where}: slide ${i + 1}: "${raw}" is not a /chapter?query link`);
    if (!chapters.includes(view.chapter))
      throw new Error(
        `${where}: slide ${i + 1}: no chapter "${view.chapter}" (there are ${chapters.join(', ')})`
      );
    const note = lines
      .filter((_, j) => j !== at)
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
      .filter(Boolean);
    return { title: heading.trim(), ...view, note };
  });
  return {
    slug,
    title: fields.title,
    summary: fields.summary,
    duration: fields.duration,
    audience: fields.audience,
    slides
  };
}

/** The slide a `?slide=N` asks for (1-based for people), clamped to the lesson; 0-based. */
export function slideIndex(raw: string | null, count: number): number {
  const n = Number(raw);
  if (!raw || !Number.isFinite(n)) return 0;
  return Math.min(Math.max(Math.round(n), 1), count) - 1;
}
