// Component tests: server-render the figure kit and check the DOM contract in the markup.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import TensorGrid from '$lib/diagram/TensorGrid.svelte';
import ShapeBadge from '$lib/diagram/ShapeBadge.svelte';
import Stepper from '$lib/figures/Stepper.svelte';
import Controls from '$lib/figures/Controls.svelte';
import CodePanel from '$lib/figures/CodePanel.svelte';
import Messages from '$lib/figures/Messages.svelte';
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

describe('TensorGrid', () => {
  it('renders the DOM contract: data-tensor, data-shape, data-index, data-value, labels', () => {
    const { body } = render(TensorGrid, { props: { view } });
    expect(body).toContain('data-tensor="windows"');
    expect(body).toContain('data-shape="2,2,2,1"');
    expect(body.match(/data-index="/g)).toHaveLength(8);
    expect(body).toContain('data-index="1,0,0,0"');
    expect(body).toContain('data-value="-4"');
    expect(body).toContain('aria-label="windows[1, 1, 1, 0] = 7.50"');
    // Exactly one cell is in the tab order (roving tabindex).
    expect(body.match(/tabindex="0"/g)).toHaveLength(1);
  });
  it('outlines every cell whose provenance id is linked', () => {
    const { body } = render(TensorGrid, { props: { view, highlight: new Set([2, 7]) } });
    expect(body.match(/<rect[^>]*class="[^"]*\blinked\b/g)).toHaveLength(2);
  });
});

describe('TensorGrid cell text', () => {
  const withData = (data: number[]): TensorView => ({
    name: 't',
    snap: { shape: [2, 2], dtype: 'float32', data: Float32Array.from(data) },
    dims: ['a', 'b']
  });
  it('draws values that fit their cells and drops them when the longest does not', () => {
    expect(render(TensorGrid, { props: { view: withData([0.5, -1, 2, 3]) } }).body).toContain(
      '>0.50</text>'
    );
    expect(
      render(TensorGrid, { props: { view: withData([0.5, -123456, 2, 3]) } }).body
    ).not.toContain('class="value');
  });
});

describe('ShapeBadge', () => {
  it('names each dim', () => {
    const { body } = render(ShapeBadge, {
      props: { name: 'q', sizes: [4, 2, 16, 3], dims: ['B_', 'heads', 'N', 'd'] }
    });
    expect(body).toContain('aria-label="q has shape 4 by 2 by 16 by 3"');
    expect(body).toContain('heads');
  });
});

describe('Stepper, Controls, CodePanel, Messages', () => {
  it('marks the current step', () => {
    const { body } = render(Stepper, {
      props: {
        steps: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' }
        ],
        current: 1,
        onstep: () => {}
      }
    });
    expect(body).toMatch(/aria-current="step"[^>]*data-step="b"/);
    expect(body).toContain('role="toolbar"');
  });
  it('names each input by its parameter', () => {
    const { body } = render(Controls, {
      props: {
        specs: [{ name: 'window_size', label: 'window_size', min: 1, max: 32, default: 4 }],
        values: { window_size: 7 },
        onchange: () => {}
      }
    });
    expect(body).toContain('name="window_size"');
    expect(body).toContain('value="7"');
  });
  it('highlights the lines of the current step', () => {
    const listings = [
      {
        label: 'py',
        lang: 'python' as const,
        lines: [
          { text: 'x = 1', steps: ['a'] },
          { text: 'y = 2', steps: ['b'] }
        ]
      }
    ];
    const { body } = render(CodePanel, { props: { listings, stepId: 'b' } });
    expect(body.match(/data-current="true"/g)).toHaveLength(1);
  });
  it('announces messages', () => {
    const { body } = render(Messages, { props: { messages: ['H=10 is not a multiple'] } });
    expect(body).toContain('role="status"');
    expect(body).toContain('H=10 is not a multiple');
  });
});
