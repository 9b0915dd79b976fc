/**
 * Writing the query string: once changes settle, off the frame that draws them. replaceState costs
 * milliseconds, and browsers rate-limit it (Safari: 100 calls in 30 s) while keys repeat.
 */
import { replaceState } from '$app/navigation';

/** After `ms`, make the URL's query `search()` (read then, so it sees the latest URL); returns the cancel. */
export function replaceSearchAfter(ms: number, search: () => string): () => void {
  const timer = setTimeout(() => {
    const next = search();
    if (next === window.location.search) return;
    // A shallow, query-only update of the current page (no navigation), so no resolve() applies.
    // eslint-disable-next-line svelte/no-navigation-without-resolve
    replaceState(new URL(next || window.location.pathname, window.location.href), {});
  }, ms);
  return () => clearTimeout(timer);
}
