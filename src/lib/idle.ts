/**
 * Work for when the browser is idle. Each returns the function that cancels it, and cancels only
 * what it queued: idle-callback ids and timer ids are separate counters, so clearing a timer by an
 * idle callback's id can cancel someone else's timer (it once swallowed the setTimeout that
 * `npm run bench:pages` waits for, and the benchmark hung).
 */

/** Run `work` in an idle period (within `timeout` ms), or in a task where idle callbacks are missing. */
export function whenIdle(work: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}

/** Run `work` once the browser is idle after the coming frame. */
export function afterFrame(work: () => void): () => void {
  let cancelIdle: (() => void) | null = null;
  const frame = requestAnimationFrame(() => (cancelIdle = whenIdle(work, 100)));
  return () => {
    cancelAnimationFrame(frame);
    cancelIdle?.();
  };
}
