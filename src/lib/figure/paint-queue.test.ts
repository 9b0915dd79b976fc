import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaintQueue, paintSoon } from './paint-queue.svelte';

// Frames by hand: each call of frame() runs the callbacks requested so far.
let callbacks: FrameRequestCallback[] = [];
function frame() {
  const run = callbacks;
  callbacks = [];
  run.forEach((cb) => cb(0));
}
vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => callbacks.push(cb));
vi.stubGlobal('cancelAnimationFrame', () => (callbacks = []));

afterEach(() => {
  callbacks = [];
  vi.restoreAllMocks();
});

describe('PaintQueue', () => {
  it('runs nothing at once, then draws in frames within the budget, in order', () => {
    const q = new PaintQueue();
    const done: number[] = [];
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    for (let i = 0; i < 5; i++)
      q.add(() => {
        now += 3; // each draw takes 3 ms: two fit in a 4 ms budget (the second starts at 3)
        done.push(i);
      });
    expect(done).toEqual([]);
    expect(q.pending).toBe(5);
    expect(q.painted).toBe(false);
    frame();
    expect(done).toEqual([0, 1]);
    expect(q.pending).toBe(3);
    frame();
    frame();
    expect(done).toEqual([0, 1, 2, 3, 4]);
    expect(q.pending).toBe(0);
    expect(q.painted).toBe(true);
    expect(callbacks).toEqual([]);
  });

  it('a cancelled draw never runs and leaves pending right; one slow draw still progresses', () => {
    const q = new PaintQueue();
    const done: string[] = [];
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const cancel = q.add(() => done.push('a'));
    q.add(() => {
      now += 100;
      done.push('slow');
    });
    q.add(() => done.push('c'));
    cancel();
    cancel();
    expect(q.pending).toBe(2);
    frame();
    expect(done).toEqual(['slow']);
    frame();
    expect(done).toEqual(['slow', 'c']);
    expect(q.pending).toBe(0);
  });

  it('destroy drops the queue; paintSoon without a queue draws at once', () => {
    const q = new PaintQueue();
    const done: string[] = [];
    q.add(() => done.push('x'));
    q.destroy();
    frame();
    expect(done).toEqual([]);
    expect(q.pending).toBe(0);
    paintSoon(undefined, () => done.push('now'));
    expect(done).toEqual(['now']);
  });
});
