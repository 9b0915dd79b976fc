import { describe, expect, it } from 'vitest';
import { onlyStep, withTensors } from './step-texts';
import type { TensorView } from './types';

const texts = ['a', 'b', 'c'].map((id) => ({ id, title: id.toUpperCase(), explain: `${id}.` }));
const view = (name: string): TensorView => ({
  name,
  snap: { shape: [1], dtype: 'float32', data: new Float32Array([1]) },
  dims: ['n']
});

describe('step texts', () => {
  it('withTensors gives each step its tensors, in order', () => {
    const steps = withTensors(texts, [[view('x')], [], [view('y'), view('z')]]);
    expect(steps.map((s) => [s.id, s.title, s.tensors.map((v) => v.name)])).toEqual([
      ['a', 'A', ['x']],
      ['b', 'B', []],
      ['c', 'C', ['y', 'z']]
    ]);
  });

  it('withTensors refuses a count that does not match', () => {
    expect(() => withTensors(texts, [[view('x')]])).toThrow('3 steps but 1 lists of tensors');
  });

  it('onlyStep lists every step and gives tensors to one', () => {
    const steps = onlyStep(texts, 1, [view('x')]);
    expect(steps.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(steps.map((s) => s.tensors.length)).toEqual([0, 1, 0]);
    expect(steps[1].explain).toBe('b.');
  });
});
