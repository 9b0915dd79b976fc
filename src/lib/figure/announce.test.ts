// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { checkSummary, FocusKeeper } from './announce';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('checkSummary', () => {
  it('names each live check by its <dt> and gives its emphasised number, else data-value', () => {
    document.body.innerHTML = `<dl>
      <dt>Equivalence</dt><dd data-check="equivalence" data-value="1e-7">max = <strong>1.19e-7</strong>.</dd>
      <dt>Buffer</dt><dd data-check="buffer" data-value="729">729 entries</dd>
    </dl><p data-check="bare" data-value="3">x</p>`;
    expect(checkSummary(document.body)).toBe('Checks: Equivalence 1.19e-7; Buffer 729; bare 3.');
  });
  it('is empty without checks', () => {
    expect(checkSummary(document.body)).toBe('');
  });
});

describe('FocusKeeper', () => {
  function figure() {
    document.body.innerHTML = `<section><button aria-current="step">1</button><div><button id="gone">x</button></div></section><button id="outside">o</button>`;
    return document.querySelector('section')!;
  }

  it('puts focus on the current step when the focused element was removed', async () => {
    const root = figure();
    const keeper = new FocusKeeper();
    const gone = document.getElementById('gone')!;
    gone.focus();
    keeper.entered();
    gone.remove();
    keeper.left(new FocusEvent('focusout', { relatedTarget: null }), root);
    (document.activeElement as HTMLElement | null)?.blur?.();
    keeper.restore(root);
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement?.getAttribute('aria-current')).toBe('step');
  });

  it('leaves focus alone once the user moved it out of the figure', async () => {
    const root = figure();
    const keeper = new FocusKeeper();
    keeper.entered();
    const outside = document.getElementById('outside')!;
    keeper.left(new FocusEvent('focusout', { relatedTarget: outside }), root);
    outside.focus();
    outside.blur();
    keeper.restore(root);
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement).not.toBe(root.querySelector('[aria-current]'));
  });
});
