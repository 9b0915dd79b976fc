/**
 * Named mistakes checked end to end: the answer a known mistake gives, computed here with plain
 * arithmetic (independently of the page, like `expected.ts`), and words its message must contain.
 * The unit tests and the browser suite both give these answers and expect the mistake named.
 * Listed in the order the chapter's solution lists them: where two mistakes give the same answer,
 * the first one names it.
 */
import { MERGE_OFFSETS, type Expected } from './expected';

type P = Record<string, number>;
export interface NamedMistake {
  answer: (p: P) => Expected;
  /** Part of the message the page must show for that answer. */
  message: string;
}

const ints = (...value: number[]): Expected => ({ kind: 'ints', value });

export const namedMistakes: Record<string, Record<string, NamedMistake[]>> = {
  'patch-merging': {
    'cat-source': [
      {
        // k read as PixelUnshuffle's channel: c = k // 4, then i, then j.
        answer: (p) => ints(2 * p.i + ((p.k >> 1) & 1), 2 * p.j + (p.k & 1), p.k >> 2),
        message: "That is PixelUnshuffle's channel order"
      },
      {
        answer: (p) => {
          const q = Math.floor(p.k / p.C);
          const [dy, dx] = MERGE_OFFSETS[q === 1 || q === 2 ? 3 - q : q];
          return ints(2 * p.i + dy, 2 * p.j + dx, p.k % p.C);
        },
        message: 'You swapped x1 and x2'
      }
    ],
    'unshuffle-channel': [
      {
        answer: (p) => {
          const q = MERGE_OFFSETS.findIndex(([dy, dx]) => dy === p.h % 2 && dx === p.w % 2);
          return ints(q * p.C + p.c);
        },
        message: "That is PatchMerging's order"
      }
    ],
    'merged-shape': [
      {
        answer: (p) => ints(p.B, (p.H / 2) * (p.W / 2), 4 * p.C),
        message: 'the Linear maps 4C'
      },
      {
        answer: (p) => ints(p.B, (p.H * p.W) / 2, 2 * p.C),
        message: 'the tokens are quartered'
      }
    ]
  }
};

/** Whether mistake `n` of `list` names a wrong answer for `p`: not right, not an earlier one's. */
export function namesAnswer(list: readonly NamedMistake[], n: number, p: P, right: Expected) {
  const key = (e: Expected) => JSON.stringify(e);
  const mine = key(list[n].answer(p));
  return mine !== key(right) && list.slice(0, n).every((m) => key(m.answer(p)) !== mine);
}
