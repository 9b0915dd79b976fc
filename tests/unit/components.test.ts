// Component tests: server-render the figure kit and check the DOM contract in the markup.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import ShapeBadge from '$lib/diagram/ShapeBadge.svelte';
import Stepper from '$lib/figure/Stepper.svelte';
import Controls from '$lib/figure/Controls.svelte';
import CodePanel from '$lib/figure/CodePanel.svelte';
import Messages from '$lib/figure/Messages.svelte';

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
