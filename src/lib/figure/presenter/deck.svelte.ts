/**
 * The figures of one page as a deck: which one is presented, and how PageDown/PageUp move (to the
 * next figure of a chapter, or to the next slide of a lesson). One instance per page, handed to
 * the figures by context, so the kit needs no chapter code and there is no module-level store.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('deck');

export interface DeckOptions {
  /** A lesson drives the slides itself (and owns the URL: ?slide=N). */
  pager?: { next: () => void; prev: () => void };
  /** A lesson gives each figure its slide's query instead of the page URL's. */
  queryFor?: (id: string) => string | null;
  /** The chapter page a figure's "Link to this view" opens (a lesson is not that page). */
  pathFor?: (id: string) => string;
  /** Opens the speaker view (lessons only: the notes live there, never on the projected screen). */
  speaker?: () => void;
  /** Start presenting (a lesson is played in presenter mode). */
  present?: boolean;
}

export class Deck {
  /** Figure ids in the order they mounted (document order). */
  figures = $state<string[]>([]);
  /** Presenter mode is on … */
  active = $state(false);
  /** … for this figure (null: the first one). */
  chosen = $state<string | null>(null);
  blank = $state(false);
  help = $state(false);
  /** Presenter mode collapses the code panel; `c` opens it. */
  codeOpen = $state(false);
  /** Numbers in the cells: null follows the 16-px rule; `v` chooses, for every figure and slide. */
  numbers = $state<boolean | null>(null);
  readonly options: DeckOptions;

  constructor(options: DeckOptions = {}) {
    this.options = options;
    this.active = options.present ?? false;
  }

  presenting = $derived(this.active ? (this.chosen ?? this.figures[0] ?? null) : null);

  /** The URL belongs to the figure on chapter pages, to the lesson on lesson pages. */
  get syncUrl(): boolean {
    return !this.options.pager;
  }

  register(id: string): () => void {
    this.figures = [...this.figures, id];
    return () => (this.figures = this.figures.filter((f) => f !== id));
  }

  enter(id: string): void {
    this.chosen = id;
    this.active = true;
  }

  leave(): void {
    this.active = false;
    this.blank = false;
    this.help = false;
  }

  /** PageDown (+1) / PageUp (−1): the next slide of a lesson, or the next figure of the chapter. */
  page(dir: 1 | -1): void {
    const pager = this.options.pager;
    if (pager) return dir > 0 ? pager.next() : pager.prev();
    const at = this.figures.indexOf(this.presenting ?? '');
    const next = this.figures[at + dir];
    if (next) this.chosen = next;
  }
}

export function setDeck(deck: Deck): Deck {
  setContext(KEY, deck);
  return deck;
}

/** The page's deck, or a deck of one figure where no page provided one (component tests). */
export function useDeck(): Deck {
  return getContext<Deck | undefined>(KEY) ?? new Deck();
}
