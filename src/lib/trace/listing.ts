/**
 * Code listings shown beside a figure, cut from the real source files (`?raw` imports): our tfjs
 * op and the PyTorch function that made the golden fixtures. A trailing `// @step id` or
 * `# @step id` tags a line with the step(s) it stands for; the tag is not displayed.
 */
export interface ListingLine {
  text: string;
  steps: string[];
}
export interface Listing {
  label: string;
  lang: 'python' | 'typescript';
  lines: ListingLine[];
}

const MARKER = /\s*(?:\/\/|#)\s*@step\s+([\w\s-]+)$/;

/** The function `name` from `source` (Python `def name(` or TS `export function name(`), tagged. */
export function cutFunction(source: string, name: string, lang: Listing['lang']): ListingLine[] {
  const all = source.split('\n');
  const start = all.findIndex((l) =>
    lang === 'python' ? l.startsWith(`def ${name}(`) : l.startsWith(`export function ${name}(`)
  );
  if (start < 0) throw new Error(`listing: no function "${name}" in the ${lang} source`);
  let end = start + 1;
  // The body ends at the first non-indented, non-empty line (Python) or the closing `}` (TS).
  while (end < all.length) {
    const line = all[end];
    if (lang === 'typescript' && line === '}') {
      end++;
      break;
    }
    if (lang === 'python' && line.length > 0 && !/^\s/.test(line)) break;
    end++;
  }
  return all
    .slice(start, end)
    .map((raw) => {
      const m = MARKER.exec(raw);
      return { text: m ? raw.slice(0, m.index) : raw, steps: m ? m[1].trim().split(/\s+/) : [] };
    })
    .filter((l, i, arr) => !(i === arr.length - 1 && l.text.trim() === ''));
}

export function listing(
  label: string,
  lang: Listing['lang'],
  source: string,
  names: string[]
): Listing {
  const lines: ListingLine[] = [];
  for (const name of names) {
    if (lines.length) lines.push({ text: '', steps: [] });
    lines.push(...cutFunction(source, name, lang));
  }
  return { label, lang, lines };
}

/** 0-based line numbers of `listing` tagged with `stepId`. */
export function linesOf(l: Listing, stepId: string): number[] {
  return l.lines.flatMap((line, i) => (line.steps.includes(stepId) ? [i] : []));
}
