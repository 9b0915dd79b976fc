/**
 * Which part of a drawing is on screen or near it, as an IntersectionObserver last saw it. A
 * parameter change draws that part in the frame that shows it and the rest in the next frame: the
 * cells' `data-value`s (cell-grid.svelte.ts) and a canvas wholly off screen (CellCanvas.svelte).
 * Before the first observation, and where IntersectionObserver is missing, all of it counts as on
 * screen, so nothing is ever left undrawn.
 */

/**
 * How far beyond the viewport still counts as on screen, in px: a canvas this close below the
 * fold is painted with the frame, so a scroll under way finds it current. Kept small, because
 * every `data-value` in the band is written in the frame (1–2 µs each): at 200 px
 * /ttsr-search-transfer wrote ~500 more of them, all off screen.
 */
export const NEAR_PX = 48;
// A callback each time the visible share crosses a twentieth: the band is at most that stale.
const THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 20);

export class OnScreen {
  /** Rows near the screen, in the element's own px; null: none of it; undefined: not yet seen. */
  band: { top: number; bottom: number } | null | undefined = undefined;

  /** Follow `el` (the drawing's box); returns the function that stops. */
  observe(el: Element): () => void {
    if (typeof IntersectionObserver !== 'function') return () => {};
    const io = new IntersectionObserver(
      (entries) => {
        const e = entries[entries.length - 1];
        const top = e.boundingClientRect.top;
        this.band = e.isIntersecting
          ? { top: e.intersectionRect.top - top, bottom: e.intersectionRect.bottom - top }
          : null;
      },
      { rootMargin: `${NEAR_PX}px 0px`, threshold: THRESHOLDS }
    );
    io.observe(el);
    return () => io.disconnect();
  }

  /** Is any of the drawing near the screen? */
  get any(): boolean {
    return this.band !== null;
  }

  /**
   * Which cells of side `size` (top `y` in element px) meet the part near the screen, as it is
   * now: a later observation does not change the answer, so a draw split over two frames splits
   * the cells the same way in both. Null before the first observation: all of it counts.
   */
  cellsNear(size: number): ((cell: { y: number }) => boolean) | null {
    const b = this.band;
    if (b === undefined) return null;
    if (b === null) return () => false;
    return (c) => c.y < b.bottom && c.y + size > b.top;
  }
}
