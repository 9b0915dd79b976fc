/**
 * The cells of one tensor view as a keyboard grid, shared by TensorGrid and SmallMultiples: draws
 * them into the layer (cell-layer.ts) when the view or the layout changes, outlines the linked ones
 * when the highlight changes (only then: a hover must not redraw every cell), and answers the
 * grid's pointer, focus and key events with the cells' links.
 *
 * Made during a component's initialisation (its effects belong to the component), from three
 * functions over the component's state, so that each effect tracks only what it reads: the cells
 * are redrawn when `spec()` changes, the outline when `highlight()` does. Given an `OnScreen`, a
 * redraw writes the values of the cells near the screen at once and the others in the next frame
 * (through the figure's paint queue, which holds the figure's data-ready until they are written).
 */
import { paintQueue, paintSoon } from '$lib/figure/paint-queue.svelte';
import type { OnScreen } from './on-screen';
import type { TensorView } from '$lib/trace/types';
import {
  activateCell,
  drawCells,
  flushValues,
  linkedBy,
  markLinked,
  maskedBy,
  type CellPlace
} from './cell-layer';

export interface CellGridSpec {
  readonly view: TensorView;
  readonly cells: readonly CellPlace[];
  /** Side of a cell in px. */
  readonly size: number;
  /** Cells per row of the keyboard grid. */
  readonly cols: number;
  /** One rowgroup label per slice, or none. */
  readonly groups?: readonly string[];
}

export class CellGrid {
  layer = $state<SVGGElement | undefined>();
  readonly isLinked: ((flat: number) => boolean) | null;
  readonly isMasked: ((flat: number) => boolean) | null;
  private readonly spec: () => CellGridSpec;
  private readonly onlink: () => ((ids: number[] | null) => void) | undefined;

  constructor(
    spec: () => CellGridSpec,
    highlight: () => ReadonlySet<number> | null,
    onlink: () => ((ids: number[] | null) => void) | undefined,
    onScreen?: OnScreen
  ) {
    const queue = paintQueue();
    this.spec = spec;
    this.onlink = onlink;
    this.isLinked = $derived(linkedBy(highlight(), spec().view.provenance));
    this.isMasked = $derived(maskedBy(spec().view.masked));
    $effect(() => {
      const layer = this.layer;
      if (!layer) return;
      const { view, cells, size, cols, groups } = this.spec();
      const near = onScreen?.cellsNear(size) ?? null;
      const masked = this.isMasked;
      const data = { name: view.name, size, data: view.snap.data, dtype: view.snap.dtype };
      const left = drawCells(
        layer,
        cells,
        { ...data, focusable: true, cols, groups, masked },
        near
      );
      if (left) return paintSoon(queue, () => flushValues(layer));
    });
    $effect(() => {
      if (this.layer) markLinked(this.layer, this.isLinked);
    });
  }

  /** The grid position (`data-i`) of the cell an event happened on, or null. */
  index(e: Event): number | null {
    const i = (e.target as Element | null)?.getAttribute?.('data-i');
    return i === null || i === undefined ? null : Number(i);
  }

  private linksOf(flat: number): number[] {
    const { view } = this.spec();
    if (view.linksOf) return view.linksOf(flat);
    return [view.provenance ? view.provenance[flat] : flat];
  }

  /** Pointer over a cell: report its links. */
  link = (e: Event): void => {
    const i = this.index(e);
    if (i !== null) this.onlink()?.(this.linksOf(this.spec().cells[i].flat));
  };

  /** Pointer out of the grid: nothing is linked. */
  unlink = (): void => this.onlink()?.(null);

  /** Keyboard focus on a cell: it takes the roving tabindex and reports its links. */
  focus = (e: FocusEvent): void => {
    const i = this.index(e);
    if (i === null) return;
    if (this.layer) activateCell(this.layer, i);
    this.onlink()?.(this.linksOf(this.spec().cells[i].flat));
  };

  /**
   * A key inside the grid: Escape unlinks; otherwise `move` gives the cell to focus (−1: the key is
   * not the grid's), which takes the focus without the key reaching the page's stepper.
   */
  key(e: KeyboardEvent, move: (from: number) => number): void {
    if (e.key === 'Escape') return this.unlink();
    const next = move(this.index(e) ?? 0);
    if (next < 0) return;
    e.preventDefault();
    e.stopPropagation();
    if (this.layer) activateCell(this.layer, next)?.focus();
  }
}
