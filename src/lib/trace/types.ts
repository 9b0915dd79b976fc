import type { Snapshot } from '$lib/tensor/snapshot';
import type { Listing } from './listing';

/** How a tensor is laid out on screen: which axes are grid rows/columns, which become facets. */
export interface GridSpec {
  rows: number | null;
  cols: number;
  facets: number[];
  /** Facets per row before wrapping; default: fit the width. */
  wrap?: number;
}

/** A tensor a step shows: its PyTorch name, a detached snapshot, and the names of its dims. */
export interface TensorView {
  name: string;
  snap: Snapshot;
  dims: string[];
  /**
   * For each element, the flat index in the source tensor it came from (computed by running the
   * same op on an index tensor). Elements with the same id are linked on hover/focus.
   */
  provenance?: Int32Array;
  /**
   * Ids a hovered element links to, when it relates several elements (e.g. cell (i, j) of an
   * N×N map links query pixel i and key pixel j). Default: its own provenance id.
   */
  linksOf?: (flat: number) => number[];
  grid?: GridSpec;
  /** Lines drawn every `every` rows/cols (e.g. window borders). */
  guides?: { every: number };
  caption?: string;
  /** A logical shape to badge when the data is drawn in another (e.g. a 6-D view). */
  viewShape?: { sizes: number[]; dims: string[] };
  /**
   * 1 where an element is masked out (−100 in attn_mask, a blocked pair's logit or weight): drawn
   * hatched and labelled "masked", so colour is never the only sign. A typed array, not a function,
   * so it crosses from the trace worker as is.
   */
  masked?: Uint8Array;
}

export interface Step {
  id: string;
  title: string;
  /** Why this step exists, in one or two sentences. */
  explain: string;
  tensors: TensorView[];
}

/** A step as the stepper lists it, before its tensors are known (see step-texts.ts). */
export type StepText = Omit<Step, 'tensors'>;

export interface Trace {
  steps: Step[];
  listings: Listing[];
}
