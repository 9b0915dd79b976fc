/**
 * A bounded memo for pure functions: `remember(key, make)` returns the value made for `key` before,
 * else makes, keeps and returns it. The `size` most recently used keys are kept. Values are shared
 * between callers, so they must be treated as immutable.
 */
export function memo<T>(size: number): (key: string, make: () => T) => T {
  const kept = new Map<string, T>();
  return (key, make) => {
    if (kept.has(key)) {
      const value = kept.get(key) as T;
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      kept.delete(key);
      kept.set(key, value);
      return value;
    }
    const value = make();
    kept.set(key, value);
    if (kept.size > size) kept.delete(kept.keys().next().value as string);
    return value;
  };
}
