/**
 * Classroom options of a figure, read from its link: `lock=H,W` makes those controls read-only,
 * `hide=code,checks` hides parts of the figure, `present=1` opens it in presenter mode. A teacher
 * types these by hand, so a wrong name is explained in the figure's messages, never fatal.
 */

/** Parts of a figure a link may hide: the code panel, the live checks (the figure's extra content), the controls. */
export const HIDEABLE = ['code', 'checks', 'controls'] as const;
export type Hideable = (typeof HIDEABLE)[number];

export interface ClassroomOptions {
  locked: ReadonlySet<string>;
  hidden: ReadonlySet<Hideable>;
  present: boolean;
  messages: string[];
}

export const NO_OPTIONS: ClassroomOptions = {
  locked: new Set(),
  hidden: new Set(),
  present: false,
  messages: []
};

/** `a, b,,c` → ['a', 'b', 'c'] (spaces and empty items ignored, first spelling kept). */
function names(raw: string | null): string[] {
  if (raw === null) return [];
  return [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    )
  ];
}

const list = (xs: readonly string[]) => xs.join(', ');

/** Parse `lock`, `hide` and `present` from a search string, against the figure's parameter names. */
export function parseClassroom(search: string, params: readonly string[]): ClassroomOptions {
  const q = new URLSearchParams(search);
  const messages: string[] = [];
  const locked = new Set<string>();
  for (const name of names(q.get('lock'))) {
    if (params.includes(name)) locked.add(name);
    else
      messages.push(
        `lock=${name}: this figure has no parameter "${name}" (it has ${list(params)}); nothing locked for it.`
      );
  }
  const hidden = new Set<Hideable>();
  for (const name of names(q.get('hide'))) {
    if ((HIDEABLE as readonly string[]).includes(name)) hidden.add(name as Hideable);
    else
      messages.push(`hide=${name}: only ${list(HIDEABLE)} can be hidden; "${name}" stays shown.`);
  }
  const p = q.get('present');
  const present = p !== null && p !== '0' && p !== 'false';
  return { locked, hidden, present, messages };
}

/**
 * The query pairs that carry the options (canonical order: lock, hide, present), to append to
 * the figure's own parameters. Lock follows the figure's parameter order.
 */
export function classroomPairs(
  locked: Iterable<string>,
  hidden: Iterable<Hideable>,
  present: boolean,
  params: readonly string[]
): [string, string][] {
  const lock = new Set(locked);
  const hide = new Set(hidden);
  const pairs: [string, string][] = [];
  const l = params.filter((p) => lock.has(p));
  if (l.length) pairs.push(['lock', l.join(',')]);
  const h = HIDEABLE.filter((x) => hide.has(x));
  if (h.length) pairs.push(['hide', h.join(',')]);
  if (present) pairs.push(['present', '1']);
  return pairs;
}

/** Append pairs to a search string (`?H=9` or ''), keeping commas readable in the link. */
export function withPairs(search: string, pairs: readonly [string, string][]): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%2C/g, ',');
  const extra = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  if (!extra) return search;
  return search ? `${search}&${extra}` : `?${extra}`;
}
