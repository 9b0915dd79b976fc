/**
 * Canvases painted a few per frame. A figure that shows many canvases at once (the trained
 * SwinIR's 32 attention maps and 32 bias tables) queues each canvas's draw here instead of drawing
 * in the update that mounts it; each animation frame then runs queued draws until BUDGET_MS has
 * passed. So no single task holds the main thread near the 50 ms of a long task, however many
 * canvases arrive together. The queue is per figure, handed down by Svelte context.
 */
import { getContext, setContext } from 'svelte';

/** Paint time per frame: leaves room in a 16.7 ms frame for style, layout and the paint itself. */
const BUDGET_MS = 4;
const KEY = Symbol('paint-queue');

interface Job {
  draw: () => void;
  live: boolean;
}

export class PaintQueue {
  /**
   * True when every queued draw has run or been cancelled (what is queued is on screen). Written
   * only when it flips: a write per draw would make each of 70 canvas effects re-flush the figure.
   */
  painted = $state(true);
  #pending = 0;
  #jobs: Job[] = [];

  /** Draws queued and not yet run or cancelled. */
  get pending(): number {
    return this.#pending;
  }

  #count(delta: number): void {
    this.#pending += delta;
    // Compared with a plain mirror, not by reading `painted`: add() runs inside components'
    // effects, which would then depend on `painted` and re-run (and re-queue) whenever it flips.
    const painted = this.#pending === 0;
    if (painted !== this.#painted) this.painted = this.#painted = painted;
  }
  #painted = true;
  #frame = 0;

  /** Queue `draw` for a coming frame; the returned function cancels it if it has not run. */
  add(draw: () => void): () => void {
    const job: Job = { draw, live: true };
    this.#jobs.push(job);
    this.#count(1);
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#run());
    return () => this.#drop(job);
  }

  #drop(job: Job): void {
    if (!job.live) return;
    job.live = false;
    this.#count(-1);
  }

  #run(): void {
    this.#frame = 0;
    const t0 = performance.now();
    let i = 0;
    // At least one draw per frame, so a single slow canvas cannot stall the queue.
    while (i < this.#jobs.length && (i === 0 || performance.now() - t0 < BUDGET_MS)) {
      const job = this.#jobs[i++];
      if (!job.live) continue;
      this.#drop(job);
      job.draw();
    }
    this.#jobs = this.#jobs.slice(i).filter((j) => j.live);
    if (this.#jobs.length) this.#frame = requestAnimationFrame(() => this.#run());
  }

  destroy(): void {
    // Also called on the server (onDestroy), where nothing was queued and no frames exist.
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#jobs.forEach((j) => this.#drop(j));
    this.#jobs = [];
  }
}

/** Give the figure's components `queue` (call in the figure's script). */
export function providePaintQueue(queue: PaintQueue): void {
  setContext(KEY, queue);
}

/**
 * Paint through the figure's queue, or at once where no figure gave one (a component rendered on
 * its own); returns a cancel function for an effect's teardown.
 */
export function paintSoon(queue: PaintQueue | undefined, draw: () => void): () => void {
  if (queue) return queue.add(draw);
  draw();
  return () => {};
}

/** The queue of the figure this component is in, if any (call in a component's script). */
export function paintQueue(): PaintQueue | undefined {
  return getContext<PaintQueue | undefined>(KEY);
}
