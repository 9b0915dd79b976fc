import { describe, expect, it } from 'vitest';
import { memo } from './memo';

describe('memo', () => {
  it('makes a value once per key and hands back the same object', () => {
    const remember = memo<{ n: number }>(2);
    let made = 0;
    const make = (n: number) => () => ({ n: (made++, n) });
    const a = remember('a', make(1));
    expect(remember('a', make(99))).toBe(a);
    expect(a.n).toBe(1);
    expect(made).toBe(1);
  });

  it('forgets the least recently used key beyond its size', () => {
    const remember = memo<string>(2);
    const calls: string[] = [];
    const make = (k: string) => () => (calls.push(k), k.toUpperCase());
    remember('a', make('a'));
    remember('b', make('b'));
    remember('a', make('a')); // a is now the most recent
    remember('c', make('c')); // evicts b
    remember('a', make('a'));
    remember('b', make('b'));
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });
});
