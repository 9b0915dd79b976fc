/**
 * Presenter mode scales a step's tensors to the room left under the stepper and the explanation,
 * so the first tensor of every step is seen whole on the projector without scrolling.
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
 * The zoom that makes `natural` (the tensor at zoom 1) fit in `room`, at most `max` (cells blown
 * up past that only cost room) and at least `min` (below it nothing is readable: scroll instead).
 */
export function fitZoom(natural: Box, room: Box, min = 0.3, max = 2.5): number {
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
  room: Box
): { zoom: number; unzoom: number } {
  const zoom = fitZoom(natural, room);
  const cells = { width: natural.width, height: natural.height - captions };
  const left = { width: room.width, height: room.height - captions };
  if (zoom >= 1 || cells.height <= 0 || left.height <= 0) return { zoom, unzoom: 1 };
  const smaller = Math.min(1, fitZoom(cells, left));
  return { zoom: smaller, unzoom: Math.round((1 / smaller) * 1000) / 1000 };
}

/** Whether values drawn at this zoom reach the projector size; if not they are hidden and read out. */
export function valuesReadable(zoom: number): boolean {
  return VALUE_PX * zoom >= MIN_VALUE_PX;
}
