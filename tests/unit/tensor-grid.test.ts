// @vitest-environment happy-dom
// TensorGrid mounted in a DOM (its cells are made on the client, by cell-layer.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import TensorGrid from '$lib/diagram/TensorGrid.svelte';
import type { TensorView } from '$lib/trace/types';

const view: TensorView = {
  name: 'windows',
  snap: {
    shape: [2, 2, 2, 1],
    dtype: 'float32',
    data: Float32Array.from([0, 1, 2, 3, -4, 5, 6, 7.5])
  },
  dims: ['B·nW', 'ws', 'ws', 'C'],
  provenance: Int32Array.from([0, 1, 4, 5, 2, 3, 6, 7])
};

let mounted: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (mounted) unmount(mounted);
  mounted = null;
  document.body.innerHTML = '';
});
function show(props: Record<string, unknown>) {
  mounted = mount(TensorGrid, { target: document.body, props: props as never });
  flushSync();
  return document.body;
}

describe('TensorGrid', () => {
  it('renders the DOM contract: data-tensor, data-shape, data-index, data-value, labels', () => {
    const body = show({ view });
    expect(body.querySelector('[data-tensor="windows"]')?.getAttribute('data-shape')).toBe(
      '2,2,2,1'
    );
    const cells = [...body.querySelectorAll('rect.cell')];
    expect(cells).toHaveLength(8);
    const at = (index: string) => body.querySelector(`rect[data-index="${index}"]`);
    expect(at('1,0,0,0')?.getAttribute('data-value')).toBe('-4');
    expect(at('1,1,1,0')?.getAttribute('aria-label')).toBe('windows[1, 1, 1, 0] = 7.50');
    // Exactly one cell is in the tab order (roving tabindex).
    expect(cells.filter((c) => c.getAttribute('tabindex') === '0')).toHaveLength(1);
    // The colours are painted on a canvas beneath, hidden from screen readers.
    expect(body.querySelector('canvas')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('outlines every cell whose provenance id is linked', () => {
    const body = show({ view, highlight: new Set([2, 7]) });
    const linked = [...body.querySelectorAll('rect.linked')].map((r) =>
      r.getAttribute('data-index')
    );
    // Provenance 2 sits at flat 4 → [1, 0, 0, 0]; 7 at flat 7 → [1, 1, 1, 0].
    expect(linked).toEqual(['1,0,0,0', '1,1,1,0']);
    expect(body.querySelector('rect[data-index="1,0,0,0"]')?.getAttribute('aria-selected')).toBe(
      'true'
    );
  });

  it('hovering a cell reports its provenance id', () => {
    const seen: (number[] | null)[] = [];
    const body = show({ view, onlink: (ids: number[] | null) => seen.push(ids) });
    // [1, 0, 1, 0] is flat 5, whose provenance id is 3.
    body
      .querySelector('rect[data-index="1,0,1,0"]')
      ?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(seen).toEqual([[3]]);
  });

  it('draws values that fit their cells and drops them when the longest does not', () => {
    const withData = (data: number[]): TensorView => ({
      name: 't',
      snap: { shape: [2, 2], dtype: 'float32', data: Float32Array.from(data) },
      dims: ['a', 'b']
    });
    expect(
      show({ view: withData([0.5, -1, 2, 3]) })
        .querySelector('[data-values]')
        ?.getAttribute('data-values')
    ).toBe('drawn');
    unmount(mounted!);
    expect(
      show({ view: withData([0.5, -123456, 2, 3]) })
        .querySelector('[data-values]')
        ?.getAttribute('data-values')
    ).toBe('hidden');
  });
});
