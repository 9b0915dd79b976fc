/**
 * Several parts of one page share its query string: a figure owns its parameters and `step`, a
 * table below it may own another (`img_size` on /patch-merging). Each writes its own pairs and
 * carries over the others', so neither drops what the other put in a link.
 */
import { withPairs } from './classroom/options';

/** `own` (a query, "?a=1" or "") plus the pairs of `current` whose name `carry` accepts and `own` lacks. */
export function mergeSearch(
  own: string,
  current: string,
  carry: (name: string) => boolean
): string {
  const mine = new URLSearchParams(own);
  return withPairs(
    own,
    [...new URLSearchParams(current)].filter(([k]) => carry(k) && !mine.has(k))
  );
}
