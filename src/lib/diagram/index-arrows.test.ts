import { describe, expect, it } from 'vitest';
import { arrowLayout } from './index-arrows';

describe('arrowLayout', () => {
  it('draws one arrow per target cell from the source cell its index names', () => {
    const l = arrowLayout({ rows: 2, cols: 3 }, { rows: 1, cols: 2 }, [5, 0], {
      cell: 10,
      gap: 20
    });
    expect(l.width).toBe(30 + 20 + 20);
    expect(l.height).toBe(20);
    expect(l.arrows).toEqual([
      { j: 0, from: 5, x1: 25, y1: 15, x2: 55, y2: 5 },
      { j: 1, from: 0, x1: 5, y1: 5, x2: 65, y2: 5 }
    ]);
    expect(l.target[1]).toEqual({ j: 1, x: 60, y: 0 });
  });
  it('refuses an index outside the source grid', () => {
    expect(() => arrowLayout({ rows: 1, cols: 2 }, { rows: 1, cols: 1 }, [2])).toThrow(
      'index[0] = 2 is not a source cell (0–1)'
    );
  });
});
