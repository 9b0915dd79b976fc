/**
 * Solved exercises, remembered per chapter in localStorage: no server, no tracking. Storage may be
 * missing, throw (private mode, quota) or hold anything (another version, another site's tool, a
 * hand edit): every read is validated and every failure means "progress not kept", never a throw.
 */

export const STORAGE_KEY = 'attention-unrolled:exercises:v1';
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_IDS = 200;

/** The part of `Storage` we use; tests pass their own. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** `localStorage`, or null where even touching it throws (some private modes, sandboxed frames). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

type Stored = Record<string, string[]>;

/** Parse the stored JSON; anything that is not `{chapter: [ids]}` is dropped, entry by entry. */
export function parseStored(text: string | null): Stored {
  if (text === null) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const out: Stored = {};
  for (const [chapter, ids] of Object.entries(data)) {
    if (!ID.test(chapter) || !Array.isArray(ids)) continue;
    const valid = ids.filter((id): id is string => typeof id === 'string' && ID.test(id));
    out[chapter] = [...new Set(valid)].slice(0, MAX_IDS);
  }
  return out;
}

function readAll(storage: StorageLike | null): { data: Stored; ok: boolean } {
  if (!storage) return { data: {}, ok: false };
  try {
    return { data: parseStored(storage.getItem(STORAGE_KEY)), ok: true };
  } catch {
    return { data: {}, ok: false };
  }
}

function writeAll(storage: StorageLike | null, data: Stored): boolean {
  if (!storage) return false;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(data));
    return true;
  } catch {
    return false;
  }
}

/** The solved ids of one chapter, limited to the ids it has (foreign ones are ignored). */
export function readSolved(
  storage: StorageLike | null,
  chapter: string,
  known?: readonly string[]
): { solved: string[]; ok: boolean } {
  const { data, ok } = readAll(storage);
  const ids = data[chapter] ?? [];
  return { solved: known ? ids.filter((id) => known.includes(id)) : ids, ok };
}

/** Replace one chapter's solved ids; returns whether storage took it. Other chapters are kept. */
export function writeSolved(
  storage: StorageLike | null,
  chapter: string,
  solved: readonly string[]
): boolean {
  if (!ID.test(chapter)) return false;
  const { data, ok } = readAll(storage);
  if (!ok) return false;
  data[chapter] = [...new Set(solved.filter((id) => ID.test(id)))].slice(0, MAX_IDS);
  if (data[chapter].length === 0) delete data[chapter];
  return writeAll(storage, data);
}
