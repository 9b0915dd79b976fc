import { describe, expect, it } from 'vitest';
import { classroomPairs, parseClassroom, withPairs } from './options';

const params = ['H', 'W', 'C', 'window_size', 'shift_size'];

describe('parseClassroom', () => {
  it('locks known parameters and hides known parts', () => {
    const o = parseClassroom('?H=9&lock=H,W,window_size&hide=code,checks', params);
    expect([...o.locked]).toEqual(['H', 'W', 'window_size']);
    expect([...o.hidden]).toEqual(['code', 'checks']);
    expect(o.messages).toEqual([]);
    expect(o.present).toBe(false);
  });
  it('explains unknown names instead of failing, and keeps the rest', () => {
    const o = parseClassroom('?lock=H,heads&hide=code,prose', params);
    expect([...o.locked]).toEqual(['H']);
    expect([...o.hidden]).toEqual(['code']);
    expect(o.messages).toHaveLength(2);
    expect(o.messages[0]).toContain('lock=heads');
    expect(o.messages[0]).toContain('H, W, C, window_size, shift_size');
    expect(o.messages[1]).toContain('hide=prose');
  });
  it('ignores spaces, empty items and repeats', () => {
    const o = parseClassroom('?lock=%20H%20,,H,&hide=', params);
    expect([...o.locked]).toEqual(['H']);
    expect(o.hidden.size).toBe(0);
    expect(o.messages).toEqual([]);
  });
  it('reads present=1 (and not present=0)', () => {
    expect(parseClassroom('?present=1', params).present).toBe(true);
    expect(parseClassroom('?present=0', params).present).toBe(false);
    expect(parseClassroom('', params).present).toBe(false);
  });
});

describe('classroomPairs / withPairs', () => {
  it('writes lock in the figure parameter order, then hide, then present', () => {
    const pairs = classroomPairs(['W', 'H'], ['checks', 'code'], true, params);
    expect(pairs).toEqual([
      ['lock', 'H,W'],
      ['hide', 'code,checks'],
      ['present', '1']
    ]);
    expect(withPairs('?H=9', pairs)).toBe('?H=9&lock=H,W&hide=code,checks&present=1');
    expect(withPairs('', pairs.slice(0, 1))).toBe('?lock=H,W');
    expect(withPairs('?step=2', [])).toBe('?step=2');
  });
  it('round-trips through parseClassroom', () => {
    const search = withPairs('?H=9', classroomPairs(['shift_size'], ['code'], false, params));
    const o = parseClassroom(search, params);
    expect([...o.locked]).toEqual(['shift_size']);
    expect([...o.hidden]).toEqual(['code']);
  });
});
