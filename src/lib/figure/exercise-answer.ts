/**
 * Reading and comparing answers. A text answer is a list of whole numbers: "4, 2, 9, 3",
 * "(4, 2, 9, 3)", "[4 2 9 3]" and "torch.Size([4, 2, 9, 3])" all read the same. Never throws.
 */
import type { Answer, ExerciseKind } from './exercise-types';

export type Parsed = { ok: true; answer: Answer } | { ok: false; message: string };

const MAX_LENGTH = 200;

/** Parse typed text for a `number`, `shape` or `ints` exercise. */
export function parseInts(text: string, kind: ExerciseKind = 'shape'): Parsed {
  const raw = String(text ?? '').trim();
  const what = kind === 'number' ? 'a whole number' : 'whole numbers separated by commas';
  if (raw === '') return { ok: false, message: `Type ${what} first.` };
  if (raw.length > MAX_LENGTH) return { ok: false, message: `That is too long; type ${what}.` };
  const inner = raw
    .replace(/^torch\.Size\s*\(/i, '(')
    .replace(/[()[\]]/g, ' ')
    .trim();
  const parts = inner === '' ? [] : inner.split(/\s*,\s*|\s+/).filter((s) => s !== '');
  if (parts.length === 0) return { ok: false, message: `Type ${what} between the brackets.` };
  const value: number[] = [];
  for (const part of parts) {
    // Unicode minus (−) is what the page prints; accept it as typed.
    const n = Number(part.replace(/^\u2212/, '-'));
    if (!Number.isInteger(n))
      return { ok: false, message: `"${part}" is not a whole number; type ${what}.` };
    value.push(n);
  }
  if (kind === 'number' && value.length !== 1)
    return { ok: false, message: `Type one whole number, not ${value.length}.` };
  return { ok: true, answer: { kind: 'ints', value } };
}

/** Two answers are the same: equal lists of numbers, equal sets of cells, or the same choice. */
export function sameAnswer(a: Answer, b: Answer): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'choice') return a.value === b.value;
  if (a.kind === 'ints') {
    const bv = b.value as number[];
    return a.value.length === bv.length && a.value.every((v, i) => v === bv[i]);
  }
  const sa = new Set(a.value);
  const sb = new Set(b.value as string[]);
  return sa.size === sb.size && [...sa].every((k) => sb.has(k));
}

/** The seed of a variant from a link (`variant=17`): a non-negative 31-bit integer, else null. */
export function parseVariant(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || !/^\d{1,10}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n <= 2 ** 31 - 1 ? n : null;
}
