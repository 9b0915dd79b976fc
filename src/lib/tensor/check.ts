/**
 * Argument checks shared by every op. Each throws an `Error` whose message names the rule
 * and the offending values, in words a student can act on.
 */
import type { Tensor } from '@tensorflow/tfjs-core';

export function check(condition: boolean, message: string | (() => string)): asserts condition {
  if (!condition) throw new Error(typeof message === 'string' ? message : message());
}

/** `value` must be a whole number ≥ `min` (default 1). */
export function checkInt(name: string, value: number, min = 1): void {
  check(
    Number.isInteger(value) && value >= min,
    () => `${name} must be a whole number ≥ ${min}, got ${value}`
  );
}

/** `x` must have `rank` dimensions; `layout` names them, e.g. "B,H,W,C". */
export function checkRank(name: string, x: Tensor, rank: number, layout: string): void {
  check(
    x.rank === rank,
    () => `${name} must be ${rank}-D (${layout}), got shape [${x.shape.join(', ')}]`
  );
}

/** Dimension sizes must match, e.g. a weight's `in` against the input's channels. */
export function checkShape(
  name: string,
  x: Tensor,
  expected: readonly number[],
  layout: string
): void {
  check(
    x.shape.length === expected.length && x.shape.every((d, i) => d === expected[i]),
    () =>
      `${name} must have shape [${expected.join(', ')}] (${layout}), got [${x.shape.join(', ')}]`
  );
}
