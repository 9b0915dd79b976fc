import { describe, expect, it } from 'vitest';
import { checkFile, fitImage, validateTtsr } from './params';

describe('ttsr parameters and image rules', () => {
  it('pair is validated like any parameter', () => {
    expect(validateTtsr({ pair: '2' }).values.pair).toBe(2);
    expect(validateTtsr({ pair: 'x' }).messages[0]).toBe(
      'pair="x" is not a number; using the default 1.'
    );
    expect(validateTtsr({ pair: '9' }).values.pair).toBe(3);
  });
  it('refuses files that are not images or too many bytes, before decoding', () => {
    expect(checkFile('ref', { name: 'a.txt', type: 'text/plain', size: 10 })).toContain(
      '"a.txt" is not an image (type text/plain)'
    );
    expect(checkFile('lr', { name: 'big.png', type: 'image/png', size: 9e6 })).toContain(
      'more than the 8 MB'
    );
    expect(checkFile('lr', { name: 'ok.png', type: 'image/png', size: 9e3 })).toBeNull();
  });
  it('refuses a reference too small for the 12×12 level and huge decoded images', () => {
    const small = fitImage('ref', 8, 20, 'r.png');
    expect(small.ok).toBe(false);
    expect(small.message).toContain('the 12×12 patches of the lv1 level need at least 12×12');
    expect(fitImage('lr', 5000, 5000).ok).toBe(false);
    expect(fitImage('lr', 2, 9).message).toContain('too small for the LR input');
  });
  it('fits large images within the cap, keeping the aspect, the reference on a multiple of 4', () => {
    expect(fitImage('ref', 32, 32)).toEqual({ ok: true, width: 32, height: 32, message: null });
    const ref = fitImage('ref', 640, 480);
    expect(ref).toMatchObject({ ok: true, width: 48, height: 36 });
    expect(ref.message).toContain('resized to 48×36');
    expect(fitImage('ref', 30, 30)).toMatchObject({ width: 28, height: 28 });
    expect(fitImage('lr', 100, 50)).toMatchObject({ width: 12, height: 6 });
  });
});
