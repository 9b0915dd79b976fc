import { describe, expect, it } from 'vitest';
import {
  parseStored,
  readSolved,
  STORAGE_KEY,
  writeSolved,
  type StorageLike
} from './exercise-progress';

function memory(initial: string | null = null): StorageLike & { text: string | null } {
  const s = {
    text: initial,
    getItem: (k: string) => (k === STORAGE_KEY ? s.text : null),
    setItem: (k: string, v: string) => {
      if (k === STORAGE_KEY) s.text = v;
    }
  };
  return s;
}

const throwing: StorageLike = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  }
};

describe('progress store', () => {
  it('remembers solved ids per chapter and keeps other chapters', () => {
    const s = memory();
    expect(writeSolved(s, 'window-partition', ['window-of-pixel'])).toBe(true);
    expect(writeSolved(s, 'restormer', ['attn-shape', 'attn-shape'])).toBe(true);
    expect(readSolved(s, 'window-partition')).toEqual({ solved: ['window-of-pixel'], ok: true });
    expect(readSolved(s, 'restormer').solved).toEqual(['attn-shape']);
    expect(writeSolved(s, 'restormer', [])).toBe(true);
    expect(readSolved(s, 'restormer').solved).toEqual([]);
    expect(readSolved(s, 'window-partition').solved).toEqual(['window-of-pixel']);
  });

  it('ignores ids the chapter does not have', () => {
    const s = memory(JSON.stringify({ restormer: ['attn-shape', 'gone-exercise'] }));
    expect(readSolved(s, 'restormer', ['attn-shape', 'out-shape']).solved).toEqual(['attn-shape']);
  });

  it.each([
    ['not json {'],
    ['null'],
    ['42'],
    ['"text"'],
    ['[1, 2]'],
    [JSON.stringify({ restormer: 'attn-shape' })],
    [JSON.stringify({ restormer: [1, null, { a: 1 }] })],
    [JSON.stringify({ '<script>': ['x'] })]
  ])('ignores corrupted or foreign data %s', (text) => {
    const s = memory(text);
    expect(readSolved(s, 'restormer')).toEqual({ solved: [], ok: true });
    expect(writeSolved(s, 'restormer', ['attn-shape'])).toBe(true);
    expect(readSolved(s, 'restormer').solved).toEqual(['attn-shape']);
  });

  it('keeps only valid ids from a mixed array', () => {
    expect(parseStored(JSON.stringify({ restormer: ['ok-id', 'Bad Id', 7, 'ok-id'] }))).toEqual({
      restormer: ['ok-id']
    });
  });

  it('never throws when storage is missing or throws', () => {
    for (const storage of [null, throwing]) {
      expect(readSolved(storage, 'restormer')).toEqual({ solved: [], ok: false });
      expect(writeSolved(storage, 'restormer', ['attn-shape'])).toBe(false);
    }
  });

  it('reports a refused write (quota) as not kept', () => {
    const s = { ...memory(), setItem: throwing.setItem };
    expect(writeSolved(s, 'restormer', ['attn-shape'])).toBe(false);
  });
});
