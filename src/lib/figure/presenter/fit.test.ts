import { describe, expect, it } from 'vitest';
import { PHONE_PX, fitZoom, isPhone, presenterRoom, presenterZoom, valuesReadable } from './fit';
import { actionOf, isTyping } from './keys';

describe('fitZoom', () => {
  it('scales a tensor up or down to the room, within bounds', () => {
    expect(fitZoom({ width: 200, height: 100 }, { width: 1000, height: 400 })).toBe(2.5);
    expect(fitZoom({ width: 800, height: 800 }, { width: 1200, height: 400 })).toBe(0.5);
    expect(fitZoom({ width: 4000, height: 4000 }, { width: 400, height: 400 })).toBe(0.3);
    expect(fitZoom({ width: 0, height: 0 }, { width: 400, height: 400 })).toBe(1);
  });
  it('keeps the captions at their size when it zooms out, and fits the cells to the room left', () => {
    // Zooming in: captions grow with the cells.
    expect(presenterZoom({ width: 200, height: 100 }, 40, { width: 1000, height: 400 })).toEqual({
      zoom: 2.5,
      unzoom: 1
    });
    // 800 px of cells under 100 px of captions, in 500 px: the cells get 400 px, zoom 0.5.
    expect(presenterZoom({ width: 600, height: 900 }, 100, { width: 1200, height: 500 })).toEqual({
      zoom: 0.5,
      unzoom: 2
    });
    // Never below the floor, and captions taller than the room leave the plain fit.
    expect(presenterZoom({ width: 4000, height: 4000 }, 50, { width: 400, height: 400 }).zoom).toBe(
      0.3
    );
    expect(presenterZoom({ width: 800, height: 800 }, 500, { width: 400, height: 400 })).toEqual({
      zoom: 0.5,
      unzoom: 1
    });
  });
  it('on a phone fits the width only, never zooming in: the page scrolls down to the tensors', () => {
    const desktop = { width: 1280, height: 800 };
    expect(isPhone(desktop)).toBe(false);
    expect(isPhone({ width: 390, height: 844 })).toBe(true);
    expect(isPhone({ width: 844, height: 390 })).toBe(true); // on its side
    expect(isPhone({ width: 800, height: PHONE_PX })).toBe(false);
    expect(isPhone({ width: 1280, height: 590 })).toBe(false); // a laptop window, not a phone
    // A screen: the height left under the explanation counts.
    expect(presenterRoom(desktop, 1240, 300)).toEqual({ width: 1240, height: 300, maxZoom: 2.5 });
    // 390 wide with 100 px left under the explanation.
    const phone = presenterRoom({ width: 390, height: 844 }, 358, 100);
    expect(phone).toEqual({ width: 358, height: Infinity, maxZoom: 1 });
    // A 9×9 grid 300 px wide stays at its size; on a screen with that room it fell to 0.3.
    expect(presenterZoom({ width: 300, height: 300 }, 40, phone)).toEqual({ zoom: 1, unzoom: 1 });
    expect(
      presenterZoom({ width: 300, height: 300 }, 40, presenterRoom(desktop, 358, 100)).zoom
    ).toBe(0.3);
    // Wider than the phone: cells shrink to its width, captions keep their size.
    expect(presenterZoom({ width: 840, height: 200 }, 40, phone)).toEqual({
      zoom: 0.43,
      unzoom: 2.326
    });
    // On its side (844×390), under a toolbar that leaves no height: still fitted to the width.
    const side = presenterRoom({ width: 844, height: 390 }, 812, -20);
    expect(presenterZoom({ width: 840, height: 200 }, 40, side).zoom).toBe(0.97);
  });
  it('keeps values only where they reach 16 px (10 px on a phone)', () => {
    expect(valuesReadable(1.6)).toBe(true);
    expect(valuesReadable(1.2)).toBe(false);
    // A phone is read at arm's length: the page's 10 px.
    expect(valuesReadable(1, true)).toBe(true);
    expect(valuesReadable(0.9, true)).toBe(false);
    expect(valuesReadable(1.2, false)).toBe(false);
  });
});

describe('presenter keys', () => {
  it('maps keys to actions, and leaves chords to the browser', () => {
    expect(actionOf({ key: 'ArrowRight' })).toBe('next');
    expect(actionOf({ key: ' ' })).toBe('next');
    expect(actionOf({ key: 'PageDown' })).toBe('nextFigure');
    expect(actionOf({ key: 'Escape' })).toBe('leave');
    expect(actionOf({ key: 'f', ctrlKey: true })).toBeNull();
    expect(actionOf({ key: 'x' })).toBeNull();
  });
  it('knows when someone is typing', () => {
    expect(isTyping({ tagName: 'INPUT', type: 'number' } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTyping({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
