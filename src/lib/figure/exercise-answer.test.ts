import { describe, expect, it } from 'vitest';
import { parseInts, parseVariant, sameAnswer } from './exercise-answer';
import { seededRng } from './exercise-types';

describe('parseInts', () => {
  it.each([
    ['4, 2, 9, 3'],
    ['(4, 2, 9, 3)'],
    ['[4,2,9,3]'],
    ['  4 2 9 3 '],
    ['torch.Size([4, 2, 9, 3])'],
    ['(4,2,9,3,)']
  ])('reads %s as 4, 2, 9, 3', (text) => {
    expect(parseInts(text)).toEqual({ ok: true, answer: { kind: 'ints', value: [4, 2, 9, 3] } });
  });
  it('reads negative numbers, with a hyphen or the page minus sign', () => {
    expect(parseInts('-3', 'number')).toEqual({ ok: true, answer: { kind: 'ints', value: [-3] } });
    expect(parseInts('−3', 'number')).toEqual({ ok: true, answer: { kind: 'ints', value: [-3] } });
  });
  it.each([[''], ['   '], ['()'], ['4, x, 9'], ['4.5'], ['1e400'], ['x'.repeat(500)]])(
    'explains %j instead of throwing',
    (text) => {
      const r = parseInts(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
    }
  );
  it('asks for one number where one is expected', () => {
    expect(parseInts('3, 4', 'number').ok).toBe(false);
  });
  it('survives non-string input', () => {
    expect(parseInts(undefined as unknown as string).ok).toBe(false);
  });
});

describe('sameAnswer', () => {
  it('compares ints in order, cells as sets, choices by value', () => {
    const ints = (...value: number[]) => ({ kind: 'ints' as const, value });
    expect(sameAnswer(ints(1, 2), ints(1, 2))).toBe(true);
    expect(sameAnswer(ints(1, 2), ints(2, 1))).toBe(false);
    expect(sameAnswer(ints(1, 2), ints(1, 2, 3))).toBe(false);
    const cells = (...value: string[]) => ({ kind: 'cells' as const, value });
    expect(sameAnswer(cells('1', '2'), cells('2', '1'))).toBe(true);
    expect(sameAnswer(cells('1', '1', '2'), cells('2', '1'))).toBe(true);
    expect(sameAnswer(cells('1'), cells('2', '1'))).toBe(false);
    expect(sameAnswer(cells(), cells())).toBe(true);
    expect(sameAnswer({ kind: 'choice', value: 'a' }, { kind: 'choice', value: 'a' })).toBe(true);
    expect(sameAnswer({ kind: 'choice', value: 'a' }, ints(1))).toBe(false);
  });
});

describe('parseVariant and seededRng', () => {
  it('accepts non-negative 31-bit integers only', () => {
    expect(parseVariant('17')).toBe(17);
    expect(parseVariant('0')).toBe(0);
    for (const bad of [null, undefined, '', '-1', '1.5', 'abc', '99999999999', '2147483648'])
      expect(parseVariant(bad)).toBeNull();
  });
  it('is reproducible and stays in range', () => {
    const a = seededRng(42);
    const b = seededRng(42);
    for (let i = 0; i < 100; i++) {
      const x = a.int(2, 5);
      expect(x).toBe(b.int(2, 5));
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThanOrEqual(5);
    }
  });
});

describe('readExerciseLink', async () => {
  const { readExerciseLink } = await import('./exercise-link');
  it('opens only the named exercise, with a valid variant', () => {
    expect(readExerciseLink('?exercise=q-shape&variant=7', 'q-shape')).toEqual({
      linked: true,
      variant: 7,
      invalid: null
    });
    expect(readExerciseLink('?exercise=q-shape&variant=7', 'attn-shape')).toEqual({
      linked: false,
      variant: null,
      invalid: null
    });
    expect(readExerciseLink('?exercise=q-shape&variant=-2', 'q-shape')).toEqual({
      linked: true,
      variant: null,
      invalid: '-2'
    });
    expect(readExerciseLink('?exercise=q-shape', 'q-shape').variant).toBeNull();
  });
});
