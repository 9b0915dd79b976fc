// @vitest-environment happy-dom
// SmallMultiples mounted in a DOM: one cell layer per facet, hover mapped back to the tensor.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import SmallMultiples from '$lib/diagram/SmallMultiples.svelte';
import type { TensorView } from '$lib/trace/types';

// [F=2, R=2, C=3]: value = flat offset, provenance = 100 + flat.
const view: TensorView = {
  name: 'attn_mask',
  snap: {
    shape: [2, 2, 3],
    dtype: 'float32',
    data: Float32Array.from({ length: 12 }, (_, i) => i)
  },
  dims: ['nW', 'N', 'N'],
  provenance: Int32Array.from({ length: 12 }, (_, i) => 100 + i)
};

let mounted: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (mounted) unmount(mounted);
  mounted = null;
  document.body.innerHTML = '';
});

describe('SmallMultiples', () => {
  it('draws every facet with unique data-i and hover reports the hovered cell of the tensor', () => {
    const seen: (number[] | null)[] = [];
    mounted = mount(SmallMultiples, {
      target: document.body,
      props: { view, onlink: (ids: number[] | null) => seen.push(ids) }
    });
    flushSync();
    const cells = [...document.querySelectorAll('rect.cell')];
    expect(cells).toHaveLength(12);
    expect(new Set(cells.map((c) => c.getAttribute('data-i'))).size).toBe(12);
    const cell = document.querySelector('rect[data-index="1,0,2"]');
    // [1, 0, 2] is flat 1·6 + 0·3 + 2 = 8.
    expect(cell?.getAttribute('data-value')).toBe('8');
    cell?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(seen).toEqual([[108]]);
  });

  it('outlines the linked cells in every facet', () => {
    mounted = mount(SmallMultiples, {
      target: document.body,
      props: { view, highlight: new Set([101, 110]) }
    });
    flushSync();
    expect(
      [...document.querySelectorAll('rect.linked')].map((r) => r.getAttribute('data-index'))
    ).toEqual(['0,0,1', '1,1,1']);
  });

  it('is one keyboard grid: rows per facet, PageDown to the next facet, Enter picks it', () => {
    const picked: number[] = [];
    mounted = mount(SmallMultiples, {
      target: document.body,
      props: { view, facetName: 'window', onpick: (f: number) => picked.push(f) }
    });
    flushSync();
    const grid = document.querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-label')).toBe('attn_mask, shape 2 by 2 by 3');
    expect(
      [...grid.querySelectorAll('[role="rowgroup"]')].map((g) => g.getAttribute('aria-label'))
    ).toEqual(['window 0', 'window 1']);
    expect(grid.querySelectorAll('[role="row"]')).toHaveLength(4);
    const cells = [...grid.querySelectorAll<SVGRectElement>('[role="gridcell"]')];
    expect(cells.filter((c) => c.getAttribute('tabindex') === '0')).toHaveLength(1);
    cells[0].focus();
    const press = (key: string) =>
      (document.activeElement as Element).dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
      );
    press('PageDown');
    press('ArrowRight');
    expect(document.activeElement?.getAttribute('data-index')).toBe('1,0,1');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('0');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('attn_mask[1, 0, 1] = 7');
    press('Enter');
    expect(picked).toEqual([1]);
    // The facets' pick buttons stay outside the grid.
    expect(grid.querySelector('[data-facet]')).toBeNull();
    expect(document.querySelectorAll('[role="button"][data-facet]')).toHaveLength(2);
  });
});
