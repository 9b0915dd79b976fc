/**
 * The classroom state of one figure: the options its link carries (lock, hide, present), whether
 * it is the one presented, and what that shows or hides. Kept out of TracedFigure so the frame
 * only mounts the pieces; one instance per figure, like FigureState.
 */
import type { Deck } from '$lib/figure/presenter/deck.svelte';
import { isTyping } from '$lib/figure/presenter/keys';
import { classroomPairs, NO_OPTIONS, parseClassroom, withPairs, type Hideable } from './options';

export class FigureClassroom {
  options = $state(NO_OPTIONS);
  /** Presenter mode hides values too small for a projector (and reads the hovered cell out). */
  valuesShown = $state(true);
  readonly deck: Deck;
  // Read through functions: the figure's props (its id, its parameter specs) stay live.
  readonly #idOf: () => string;
  readonly #namesOf: () => readonly string[];

  constructor(id: () => string, deck: Deck, names: () => readonly string[]) {
    this.#idOf = id;
    this.deck = deck;
    this.#namesOf = names;
  }

  get #id(): string {
    return this.#idOf();
  }
  get #names(): readonly string[] {
    return this.#namesOf();
  }

  get presenting(): boolean {
    return this.deck.presenting === this.#id;
  }

  /** The query the figure starts from: its lesson slide's, or the page URL's. */
  initialSearch(): string {
    return this.deck.options.queryFor?.(this.#id) ?? window.location.search;
  }

  /** Read the options, present if the link says so, join the page's deck (returns the leave). */
  start(search: string): () => void {
    this.options = parseClassroom(search, this.#names);
    if (this.options.present && !this.deck.active) this.deck.enter(this.#id);
    return this.deck.register(this.#id);
  }

  /** The figure's own query plus the options, as the URL should carry them. */
  withOptions(search: string): string {
    const { locked, hidden } = this.options;
    return withPairs(search, classroomPairs(locked, hidden, this.presenting, this.#names));
  }

  shows(part: Hideable): boolean {
    if (this.options.hidden.has(part)) return false;
    // Presenter mode collapses the code panel; `c` opens it.
    return part !== 'code' || !this.presenting || this.deck.codeOpen;
  }

  /** `p` presents the focused figure: a listener on its root (the section is no widget). */
  listen(root: HTMLElement): () => void {
    const key = (e: KeyboardEvent) => {
      if (e.key === 'p' && !this.presenting && !e.defaultPrevented && !isTyping(e.target))
        this.deck.enter(this.#id);
    };
    root.addEventListener('keydown', key);
    return () => root.removeEventListener('keydown', key);
  }
}
