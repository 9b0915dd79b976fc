import { describe, expect, it } from 'vitest';
import { mergeSearch } from './url-query';

describe('mergeSearch', () => {
  const carry = (name: string) => name === 'img_size';
  it("carries another part's parameter over, after the owner's own", () => {
    expect(mergeSearch('?H=6&step=3', '?H=4&img_size=384&step=2', carry)).toBe(
      '?H=6&step=3&img_size=384'
    );
    expect(mergeSearch('', '?img_size=384&H=4', carry)).toBe('?img_size=384');
  });
  it('drops what it does not carry, and lets its own value win', () => {
    expect(mergeSearch('', '?H=4&exercise=x', carry)).toBe('');
    expect(mergeSearch('?img_size=64', '?img_size=384', carry)).toBe('?img_size=64');
  });
  it('keeps commas readable and encodes the rest', () => {
    expect(mergeSearch('?a=1', '?lock=H,W&b=x y', () => true)).toBe('?a=1&lock=H,W&b=x%20y');
  });
});
