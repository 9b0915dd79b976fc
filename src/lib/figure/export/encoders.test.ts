import { describe, expect, it } from 'vitest';
import { tensorJson } from './json';
import { pyName, pyNumber, pytorchSnippet } from './pytorch';
import { tensorSvg, type TensorSvg } from './svg';

describe('tensorJson', () => {
  it('is {name, shape, dtype, data} with flat C-order data', () => {
    const j = JSON.parse(
      tensorJson({ name: 'x', shape: [2, 2], dtype: 'int32', data: Int32Array.from([1, 2, 3, 4]) })
    );
    expect(j).toEqual({ name: 'x', shape: [2, 2], dtype: 'int32', data: [1, 2, 3, 4] });
  });
  it('writes non-finite values as null (JSON has no spelling for them)', () => {
    const j = JSON.parse(
      tensorJson({ name: 'a', shape: [2], dtype: 'float32', data: [Infinity, 1] })
    );
    expect(j.data).toEqual([null, 1]);
  });
});

describe('pytorchSnippet', () => {
  const t = { name: 'attn_mask', shape: [1, 2, 2], dtype: 'float32' as const };
  it('recreates the tensor: torch.tensor(data, dtype).reshape(shape), then checks the shape', () => {
    const s = pytorchSnippet({ ...t, data: Float32Array.from([0, -100, -100, 0]) });
    expect(s).toContain('import torch');
    expect(s).toContain('attn_mask = torch.tensor([');
    expect(s).toContain('    0.0, -100.0, -100.0, 0.0,');
    expect(s).toContain('], dtype=torch.float32).reshape((1, 2, 2))');
    expect(s).toContain('assert tuple(attn_mask.shape) == (1, 2, 2)');
  });
  it('names the call that made it when the view knows it', () => {
    const s = pytorchSnippet(
      { ...t, data: [0, 0, 0, 0] },
      'torch.roll(x, shifts=(-1, -1), dims=(1, 2))'
    );
    expect(s).toContain('# As the page computes it: torch.roll(x, shifts=(-1, -1), dims=(1, 2))');
  });
  it('writes float32 values so they round-trip, and int32 as integers', () => {
    expect(pyNumber(Math.fround(0.1), 'float32')).toBe(String(Math.fround(0.1)));
    expect(pyNumber(3, 'float32')).toBe('3.0');
    expect(pyNumber(-Infinity, 'float32')).toBe("-float('inf')");
    expect(pyNumber(NaN, 'float32')).toBe("float('nan')");
    expect(pyNumber(7, 'int32')).toBe('7');
    const s = pytorchSnippet({ name: 'idx', shape: [3], dtype: 'int32', data: [1, 2, 3] });
    expect(s).toContain('dtype=torch.int32).reshape((3,))');
  });
  it('makes a Python identifier of any name', () => {
    expect(pyName('shifted x')).toBe('shifted_x');
    expect(pyName('3d')).toBe('t_3d');
  });
});

describe('tensorSvg', () => {
  const base: TensorSvg = {
    name: 'attn_mask',
    shape: [1, 2, 2],
    dims: ['nW', 'N', 'N'],
    cells: [
      { x: 0, y: 0, index: [0, 0, 0], value: 0 },
      { x: 20, y: 0, index: [0, 0, 1], value: -100 },
      { x: 0, y: 20, index: [0, 1, 0], value: -100 },
      { x: 20, y: 20, index: [0, 1, 1], value: 0 }
    ],
    facets: [{ x: 0, y: 0, label: 'nW=0' }],
    size: 20,
    width: 40,
    height: 40,
    color: (v) => (v < 0 ? '#440154' : '#fde725'),
    textColor: (fill) => (fill === '#440154' ? '#fff' : '#000'),
    format: String,
    showText: true,
    legend: { domain: [-100, 0], signed: false },
    page: {
      bg: '#ffffff',
      ink: '#111318',
      inkSoft: '#3d4250',
      font: 'sans-serif',
      mono: 'monospace'
    }
  };
  it('is one SVG document with the name, shape, a rect and value per cell, and a legend', () => {
    const s = tensorSvg(base);
    expect(s.startsWith('<?xml')).toBe(true);
    expect(s).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(s).toContain('attn_mask [1, 2, 2]');
    expect(s.match(/<g data-index=/g)).toHaveLength(4);
    expect(s).toContain('data-index="0,0,1" data-value="-100"');
    expect(s).toContain('fill="#440154"');
    expect(s).toContain('>-100</text>');
    expect(s).toContain('<linearGradient id="legend-gradient">');
    expect(s).toContain('fill="#ffffff"'); // the page's background, not a CSS variable
    expect(s).not.toContain('var(--');
  });
  it('escapes text and leaves values out where they do not fit', () => {
    const s = tensorSvg({ ...base, caption: 'a < b & "c"', showText: false });
    expect(s).toContain('a &lt; b &amp; &quot;c&quot;');
    expect(s).not.toContain('dominant-baseline'); // no cell text
  });
});
