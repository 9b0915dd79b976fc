import { describe, expect, it } from 'vitest';
import { cutFunction, linesOf, listing } from './listing';

const py = `import torch

def first(x):  # @step a
    y = x + 1  # @step b c

    return y  # @step c

def second():
    pass
`;
const ts = `export function first(x: number) {
  const y = x + 1; // @step b
  return y;
}

export function other() {}
`;

describe('listing', () => {
  it('cuts a Python function up to the next top-level line and strips markers', () => {
    const lines = cutFunction(py, 'first', 'python');
    expect(lines.map((l) => l.text)).toEqual([
      'def first(x):',
      '    y = x + 1',
      '',
      '    return y'
    ]);
    expect(lines.map((l) => l.steps)).toEqual([['a'], ['b', 'c'], [], ['c']]);
  });
  it('cuts a TS function up to its closing brace', () => {
    const lines = cutFunction(ts, 'first', 'typescript');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toEqual({ text: '  const y = x + 1;', steps: ['b'] });
  });
  it('joins several functions and finds the lines of a step', () => {
    const l = listing('py', 'python', py, ['first', 'second']);
    expect(l.lines.map((x) => x.text)).toContain('def second():');
    expect(linesOf(l, 'c')).toEqual([1, 3]);
  });
  it('names a missing function', () => {
    expect(() => cutFunction(py, 'nope', 'python')).toThrow(
      'listing: no function "nope" in the python source'
    );
  });
});
