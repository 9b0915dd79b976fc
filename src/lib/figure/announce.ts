/**
 * Helpers of a figure's announcements and focus (used by TracedFigure; unit-tested).
 */
import { tick } from 'svelte';

/**
 * The live checks of a figure in one sentence: each `[data-check]` element named by its `<dt>`
 * (or its id) with its emphasised number, else its `data-value`.
 * ("Checks: Equivalence 1.19e-7; Masked weights 3.72e-44.")
 */
export function checkSummary(root: ParentNode): string {
  const parts: string[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-check]')) {
    const dt = el.previousElementSibling;
    const name = dt?.tagName === 'DT' ? dt.textContent?.trim() : el.dataset.check;
    const value = el.querySelector('strong')?.textContent?.trim() ?? el.dataset.value ?? '';
    if (name && value) parts.push(`${name} ${value}`);
  }
  return parts.length ? `Checks: ${parts.join('; ')}.` : '';
}

/**
 * Keeps keyboard focus inside a figure whose content re-renders: when the focused element is
 * removed (a tensor of the previous step, a figure body replaced by an error), focus goes to the
 * current step's button, else to the figure itself, instead of falling back to the page's body.
 */
export class FocusKeeper {
  private inside = false;

  entered() {
    this.inside = true;
  }

  /** Focus moved: out of the figure (to something, or the user clicked away) or just removed. */
  left(e: FocusEvent, root: HTMLElement | undefined) {
    const to = e.relatedTarget as Node | null;
    if (to) {
      this.inside = !!root?.contains(to);
      return;
    }
    const from = e.target as Node | null;
    // A blur to nothing by a click elsewhere leaves the element in the page; a removal does not.
    queueMicrotask(() => {
      if (from?.isConnected) this.inside = false;
    });
  }

  /** After a render: if focus was inside and is now nowhere, put it back. */
  restore(root: HTMLElement): void {
    void tick().then(() => {
      if (!this.inside || !root.isConnected) return;
      const active = root.ownerDocument.activeElement;
      if (active && active !== root.ownerDocument.body) return;
      const target = root.querySelector<HTMLElement>('[aria-current="step"]') ?? root;
      if (target === root && !root.hasAttribute('tabindex')) root.setAttribute('tabindex', '-1');
      target.focus();
    });
  }
}
