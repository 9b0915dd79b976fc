import { describe, expect, it } from 'vitest';
import { PlotWidth } from './plot-width.svelte';

describe('PlotWidth', () => {
  it('is the natural width until measured, then the column width between min and natural', () => {
    const box = new PlotWidth(520, 260);
    expect(box.width).toBe(520); // not measured yet
    box.measured = 358.6; // a phone's column
    expect(box.width).toBe(358);
    box.measured = 1200; // a wide column: never wider than its natural width
    expect(box.width).toBe(520);
    box.measured = 200; // narrower than it can be laid out: svg.fit-width scales the rest
    expect(box.width).toBe(260);
    box.measured = Number.NaN;
    expect(box.width).toBe(520);
  });
});
