import { describe, expect, it } from 'vitest';
import { checkSolutions, intsOf, mistakeFor } from '../../tests/exercises/check-solutions';
import { expected } from '../../tests/exercises/expected';
import { exercises } from './exercises';

describe('shifted-windows exercises', () => {
  checkSolutions('shifted-windows', exercises);
  const labelDiff = exercises.find((d) => d.id === 'label-diff')!;
  it('names label_i − label_j (the sign flipped)', () => {
    const right = (p: Record<string, number>) =>
      (expected['shifted-windows']['label-diff'](p).value as number[])[0];
    const msg = mistakeFor(
      labelDiff,
      (p) => right(p) !== 0,
      (p) => intsOf(-right(p))
    );
    expect(msg).toContain('label_j − label_i');
  });
  it('names picking the open keys instead of the masked ones', () => {
    const masked = exercises.find((d) => d.id === 'masked-keys')!;
    const msg = mistakeFor(
      masked,
      () => true,
      (p) => {
        const blocked = expected['shifted-windows']['masked-keys'](p).value as string[];
        const open = Array.from({ length: p.window_size ** 2 }, (_, j) => String(j)).filter(
          (j) => !blocked.includes(j)
        );
        return { kind: 'cells', value: open };
      }
    );
    expect(msg).toContain('may attend to');
  });
});
