/**
 * The width a plot is laid out at: its natural width, or its column's when that is narrower (a
 * phone), so the plot's 11-px labels stay 11 px. Scaled down by a viewBox instead, they were ~7 px
 * on a 390-px phone. Bind `measured` to the plot's box (`bind:clientWidth`), a box whose width
 * comes from its column, not from the plot (else it would never widen again). Until it is
 * measured the plot has its natural width, and `svg.fit-width` still scales a plot that cannot be
 * laid out narrower than `min`.
 */
export class PlotWidth {
  measured = $state(0);
  readonly natural: number;
  readonly min: number;

  constructor(natural: number, min = 260) {
    this.natural = natural;
    this.min = min;
  }

  get width(): number {
    if (!(this.measured > 0)) return this.natural;
    return Math.max(this.min, Math.min(this.natural, Math.floor(this.measured)));
  }
}
