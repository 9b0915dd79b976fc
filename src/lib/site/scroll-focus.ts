/**
 * Scrolling boxes in a chapter's prose (code blocks, wide display formulas) are reachable by
 * keyboard: each one that overflows gets `tabindex="0"`, so arrow keys scroll it (WCAG 2.1.1;
 * axe `scrollable-region-focusable`). Re-checked when the article's size changes (fonts, figures
 * loading, a narrower window).
 */
const SCROLLERS = 'pre, .katex-display';

function mark(root: HTMLElement) {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    const over = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (over && !el.hasAttribute('tabindex')) {
      el.setAttribute('tabindex', '0');
      el.dataset.scrollFocus = '';
    } else if (!over && el.dataset.scrollFocus !== undefined) {
      el.removeAttribute('tabindex');
      delete el.dataset.scrollFocus;
    }
  }
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
  return {
    destroy() {
      cancelAnimationFrame(frame);
      observer.disconnect();
    }
  };
}
