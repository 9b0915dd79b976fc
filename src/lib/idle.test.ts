import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFrame, whenIdle } from './idle';

// Browsers number idle callbacks and timers separately, so the same id can name one of each.
function fakeBrowser() {
  const idle = new Map<number, () => void>();
  const frames = new Map<number, () => void>();
  const timers = new Map<number, () => void>();
  let next = 1;
  let nextTimer = 1;
  vi.stubGlobal('setTimeout', (f: () => void) => (timers.set(nextTimer, f), nextTimer++));
  vi.stubGlobal('clearTimeout', (id: number) => timers.delete(id));
  vi.stubGlobal('requestIdleCallback', (f: () => void) => (idle.set(next, f), next++));
  vi.stubGlobal('cancelIdleCallback', (id: number) => idle.delete(id));
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => (frames.set(1, f), 1));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  return {
    frame: () => [...frames.values()].forEach((f) => (frames.clear(), f())),
    timers: () => [...timers.values()].forEach((f) => (timers.clear(), f())),
    idle: () => [...idle.values()].forEach((f) => (idle.clear(), f()))
  };
}

describe('whenIdle and afterFrame', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('afterFrame runs the work in the idle period after the next frame, once', () => {
    const b = fakeBrowser();
    const work = vi.fn();
    afterFrame(work);
    b.idle();
    expect(work).not.toHaveBeenCalled();
    b.frame();
    expect(work).not.toHaveBeenCalled();
    b.idle();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('cancelling cancels only its own work, never a timer that shares the id', () => {
    const b = fakeBrowser();
    const timer = vi.fn();
    setTimeout(timer, 0); // timer 1
    const work = vi.fn();
    const cancel = afterFrame(work);
    b.frame(); // idle callback 1
    cancel();
    b.idle();
    b.timers();
    expect(work).not.toHaveBeenCalled();
    expect(timer).toHaveBeenCalledTimes(1); // the old afterFrame cleared it by the idle id
    const off = whenIdle(work, 50);
    off();
    b.idle();
    expect(work).not.toHaveBeenCalled();
  });

  it('falls back to a task where idle callbacks are missing', () => {
    const b = fakeBrowser();
    vi.stubGlobal('requestIdleCallback', undefined);
    const work = vi.fn();
    whenIdle(work, 50);
    b.timers();
    expect(work).toHaveBeenCalledTimes(1);
    const other = vi.fn();
    whenIdle(other, 50)();
    b.timers();
    expect(other).not.toHaveBeenCalled();
  });
});
