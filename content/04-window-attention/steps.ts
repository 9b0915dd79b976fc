/**
 * The eleven steps of /window-attention as the stepper lists them: id (the code lines' `@step`
 * marker), title and the sentence that explains each, written from the run's sizes. Kept apart
 * from the tensors so the preview (step 1's tensors only) and the complete trace say the same.
 */
import type { StepText } from '$lib/trace/types';
import type { WindowAttentionTraceParams } from './trace';

/** The sizes of one run: B_ windows of N tokens, C channels, `heads` heads of `d` = C / heads. */
export interface WindowAttentionSizes {
  B_: number;
  N: number;
  C: number;
  heads: number;
  d: number;
}

/** The sizes of the page's run from its parameters (validated: divisible, see params.ts). */
export function sizesOf(p: Omit<WindowAttentionTraceParams, 'seed'>): WindowAttentionSizes {
  const ws = p.window_size;
  return {
    B_: p.B * (p.H / ws) * (p.W / ws),
    N: ws * ws,
    C: p.C,
    heads: p.num_heads,
    d: p.C / p.num_heads
  };
}

/**
 * `worst` is the largest |row sum − 1| of attn, measured on the run; null while only a preview
 * of the first steps is drawn (the softmax step is then not on show).
 */
export function windowAttentionStepTexts(
  s: WindowAttentionSizes,
  worst: number | null
): StepText[] {
  const { B_, N, C, heads, d } = s;
  const scale = d ** -0.5;
  const deviation = worst === null ? '(measuring…)' : worst.toExponential(1);
  return [
    {
      id: 'linear',
      title: 'qkv = Linear(C, 3C)',
      explain: `The ${B_} windows of ${N} tokens enter as x [B_, N, C]. One Linear maps each token's ${C} channels to ${3 * C}: q, k and v for every head, for every token — exactly as many as global attention computes.`
    },
    {
      id: 'reshape',
      title: `reshape(B_, N, 3, ${heads}, ${d})`,
      explain: `The ${3 * C} channels are read as (3, num_heads, head_dim) = (3, ${heads}, ${d}): channel s·C + h·d + e is (which of q/k/v, head, dim). The last axis is C // num_heads = ${d}.`
    },
    {
      id: 'permute',
      title: 'permute(2, 0, 3, 1, 4)',
      explain: `Moves (3, heads) in front of the tokens: [3, B_, heads, N, head_dim] = [3, ${B_}, ${heads}, ${N}, ${d}]. Hover a channel of qkv_linear to see where it goes.`
    },
    {
      id: 'split',
      title: 'q, k, v = qkv[0], qkv[1], qkv[2]',
      explain: `Indexing the first axis gives three tensors of [B_, heads, N, head_dim] = [${B_}, ${heads}, ${N}, ${d}]: no copy, no compute.`
    },
    {
      id: 'scale',
      title: 'q = q · scale',
      explain: `scale = head_dim^−0.5 = ${d}^−0.5 = ${scale.toFixed(4)}, so the logits' spread does not grow with head_dim.`
    },
    {
      id: 'qk',
      title: 'q @ kᵀ',
      explain: `[B_, heads, N, head_dim] @ [B_, heads, head_dim, N] → [B_, heads, N, N] = [${B_}, ${heads}, ${N}, ${N}]: head_dim = ${d} is summed away. Hover a logit: its q row and k row (a column of kᵀ) light up.`
    },
    {
      id: 'bias',
      title: '+ relative_position_bias',
      explain: `The bias [heads, N, N] is broadcast over the ${B_} windows (unsqueeze(0)): every window adds the same bias, per head.`
    },
    {
      id: 'softmax',
      title: 'softmax(-1)',
      explain: `Softmax over the keys: every row of attn sums to 1 (largest deviation here ${deviation}). Hover a row.`
    },
    {
      id: 'av',
      title: 'attn @ v',
      explain: `[B_, heads, N, N] @ [B_, heads, N, head_dim] → [${B_}, ${heads}, ${N}, ${d}]: each output is a weighted mix of the ${N} value vectors of its window and head; channels never mix here.`
    },
    {
      id: 'merge',
      title: `transpose(1, 2).reshape(B_, N, ${C})`,
      explain: `Heads are put side by side per token: channel h·${d} + e of token n is head h's output e.`
    },
    {
      id: 'proj',
      title: 'x = proj(x)',
      explain: `A last Linear(C, C) mixes the heads' channels, token by token; the output has the input's shape [${B_}, ${N}, ${C}].`
    }
  ];
}
