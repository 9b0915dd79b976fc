/**
 * Scrolling boxes in a chapter's prose (code blocks, wide display formulas and tables) are
 * reachable by keyboard: each one that overflows gets `tabindex="0"`, so arrow keys scroll it
 * (WCAG 2.1.1; axe `scrollable-region-focusable`). Re-checked when the article's size changes
 * (fonts, figures loading, a narrower window).
 */
const SCROLLERS = 'pre, .katex-display, .table-scroll';

/** Boxes Blink said it skips (contentvisibilityautostatechange): what checkVisibility may miss. */
const skipped = new WeakSet<Element>();

/**
 * Whether `el`'s content is laid out: `content-visibility: auto` (app.css) skips it off screen,
 * and skipped content has no overflow to measure, so its last verdict stands until it is shown.
 */
const laidOut = (el: HTMLElement) =>
  !skipped.has(el) &&
  (el.firstElementChild?.checkVisibility?.({ contentVisibilityAuto: true }) ?? true);

function markOne(el: HTMLElement) {
  if (!laidOut(el)) return;
  const over = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  if (over && !el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '0');
    el.dataset.scrollFocus = '';
  } else if (!over && el.dataset.scrollFocus !== undefined) {
    el.removeAttribute('tabindex');
    delete el.dataset.scrollFocus;
  }
}

function mark(root: HTMLElement) {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) markOne(el);
}

/** Svelte action for the element holding the prose. */
export function scrollFocus(root: HTMLElement) {
  mark(root);
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => mark(root));
  });
  observer.observe(root);
  // A box skipped off screen is measured when it comes near (the event does not bubble: capture).
  const shown = (e: Event) => {
    const el = e.target as HTMLElement;
    if (!el.matches?.(SCROLLERS)) return;
    if ((e as ContentVisibilityAutoStateChangeEvent).skipped) return void skipped.add(el);
    skipped.delete(el);
    markOne(el);
  };
  root.addEventListener('contentvisibilityautostatechange', shown, true);
  return {
    destroy() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      root.removeEventListener('contentvisibilityautostatechange', shown, true);
    }
  };
}
