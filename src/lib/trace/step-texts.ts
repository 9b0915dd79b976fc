/**
 * A chapter's steps are written once as texts (id, title, explanation) and given their tensors
 * either all at once (the complete trace) or only the step on show (a preview, drawn in the frame
 * that shows a change; see figure-run.svelte.ts). Both then list the same steps.
 */
import type { Step, StepText, TensorView } from './types';

/** Every step with its tensors, in order; a count that does not match is a bug in the trace. */
export function withTensors(texts: readonly StepText[], tensors: readonly TensorView[][]): Step[] {
  if (texts.length !== tensors.length)
    throw new Error(`${texts.length} steps but ${tensors.length} lists of tensors`);
  return texts.map((t, i) => ({ ...t, tensors: tensors[i] }));
}

/** Every step, with tensors only on step `index` (a preview's steps). */
export function onlyStep(texts: readonly StepText[], index: number, tensors: TensorView[]): Step[] {
  return texts.map((t, i) => ({ ...t, tensors: i === index ? tensors : [] }));
}
