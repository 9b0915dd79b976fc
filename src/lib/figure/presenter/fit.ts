/**
 * Presenter mode scales a step's tensors to the room left under the stepper and the explanation,
 * so the first tensor of every step is seen whole on the projector without scrolling. On a phone
 * they fit its width only, and the page scrolls.
 */

/** Values are drawn at 10 px (cell-canvas.ts); a projector wants ≥ 16 px from the back row. */
export const VALUE_PX = 10;
export const MIN_VALUE_PX = 16;

/** A tensor's captions, kept at their size when the cells shrink (presenter.css: `--unzoom`). */
export const CAPTIONS = '[data-tensor] > figcaption, [data-tensor] > .foot';

export interface Box {
  width: number;
  height: number;
}

/**
 * A phone, upright or on its side, as when a student opens a lesson link: the viewport's shorter
 * side under PHONE_PX and its longer side under PHONE_LONG_PX (a laptop window 1280×590 is not
 * one). There the tensors fit the width and the page scrolls down to them: fitted to the height a
 * phone leaves under the toolbar and the explanation, every slide of both lessons fell to the 0.3
 * floor at 390×844 (shifted-windows' 9×9 grid 90 px wide). presenter.css has the same query.
 */
export const PHONE_PX = 600;
export const PHONE_LONG_PX = 1000;

/** A phone's viewport (see PHONE_PX). */
export const isPhone = (viewport: Box) =>
  Math.min(viewport.width, viewport.height) < PHONE_PX &&
  Math.max(viewport.width, viewport.height) < PHONE_LONG_PX;

/** Cells blown up past this only cost room. */
const MAX_ZOOM = 2.5;

/** Where a step's tensors are fitted, and how far they may grow. */
export interface Room extends Box {
  /** The most the tensors may grow (default MAX_ZOOM). */
  maxZoom?: number;
}

/**
 * The room for the tensors: `width` × `heightLeft` on a screen; on a phone `width` × any, and no
 * zooming in, so a wider tensor after the first one is not pushed off the side.
 */
export function presenterRoom(viewport: Box, width: number, heightLeft: number): Room {
  return isPhone(viewport)
    ? { width, height: Infinity, maxZoom: 1 }
    : { width, height: heightLeft, maxZoom: MAX_ZOOM };
}

/**
 * The zoom that makes `natural` (the tensor at zoom 1) fit in `room`, at most `max` (cells blown
 * up past that only cost room) and at least `min` (below it nothing is readable: scroll instead).
 */
export function fitZoom(natural: Box, room: Box, min = 0.3, max = MAX_ZOOM): number {
  if (natural.width <= 0 || natural.height <= 0 || room.width <= 0 || room.height <= 0) return 1;
  const z = Math.min(room.width / natural.width, room.height / natural.height);
  return Math.round(Math.max(min, Math.min(max, z)) * 100) / 100;
}

/**
 * The zoom of a step's tensors and the counter-zoom of their captions (name, shape, colour scale).
 * Zooming in, the captions grow with the cells. Zooming out, they keep their size (`unzoom` = 1 /
 * `zoom`) and only the cells shrink, so the zoom is fitted to the room the captions leave: a shape
 * at 0.3 of its size was 5 px on a 1024×768 projector. `captions` is their height at zoom 1.
 */
export function presenterZoom(
  natural: Box,
  captions: number,
  room: Room
): { zoom: number; unzoom: number } {
  const zoom = fitZoom(natural, room, undefined, room.maxZoom);
  const cells = { width: natural.width, height: natural.height - captions };
  const left = { width: room.width, height: room.height - captions };
  if (zoom >= 1 || cells.height <= 0 || left.height <= 0) return { zoom, unzoom: 1 };
  const smaller = Math.min(1, fitZoom(cells, left));
  return { zoom: smaller, unzoom: Math.round((1 / smaller) * 1000) / 1000 };
}

/**
 * Whether values drawn at this zoom reach the projector size; if not they are hidden and read out.
 * On a phone, held at reading distance, the page's own size (10 px) will do.
 */
export function valuesReadable(zoom: number, phone = false): boolean {
  return VALUE_PX * zoom >= (phone ? VALUE_PX : MIN_VALUE_PX);
}
