/**
 * What attention costs as the image grows, from the sizes alone: global self-attention (one HW×HW
 * map per head), Swin window attention (an M²×M² map per window and head) and Restormer's MDTA
 * (a (C/heads)×(C/heads) map per head). The one place these counts are written: /restormer plots
 * {@link attentionCost}, /window-attention tabulates {@link windowAttentionCost}, and
 * `measureAttentionCost` (measure-attention-cost.ts) reads the same numbers off the real tensors,
 * so the formulas are checked, not trusted. Pure arithmetic: no tensors, safe to import in a page.
 *
 * `entries` counts attention-map elements (memory of `attn`, per image, all heads); `macs` counts
 * the multiply-accumulates of `q @ kᵀ` plus `attn @ v`.
 */

export type AttentionKind = 'global' | 'window' | 'mdta';
export interface Cost {
  entries: number;
  macs: number;
}

/**
 * The attention maps of one layer on one image, per head: `count` maps of `n × n` entries, each
 * entry a dot product of length `dot` in `q @ kᵀ`. v is as wide as q in all three, so `attn @ v`
 * costs as many multiply-accumulates as `q @ kᵀ`.
 */
export interface AttentionMaps {
  count: number;
  n: number;
  dot: number;
}

/** Window attention needs M to divide H and W; otherwise it counts the padded windows, as SwinIR. */
export function attentionMaps(
  kind: AttentionKind,
  H: number,
  W: number,
  C: number,
  heads: number,
  M = 8
): AttentionMaps {
  const HW = H * W;
  if (kind === 'global') return { count: 1, n: HW, dot: C / heads };
  if (kind === 'window')
    return { count: Math.ceil(H / M) * Math.ceil(W / M), n: M * M, dot: C / heads };
  // MDTA: channels against channels; each entry sums over the H·W pixels.
  return { count: 1, n: C / heads, dot: HW };
}

/** Cost of one attention layer on one H×W image (see {@link attentionMaps} for window padding). */
export function attentionCost(
  kind: AttentionKind,
  H: number,
  W: number,
  C: number,
  heads: number,
  M = 8
): Cost {
  const { count, n, dot } = attentionMaps(kind, H, W, C, heads, M);
  const entries = heads * count * n * n;
  return { entries, macs: 2 * entries * dot };
}

export interface WindowAttentionCost {
  /** Tokens per image, HW, and per window, N = M². */
  tokens: number;
  N: number;
  /** Entries of the attention matrix per image and head: global (HW)², window HW·M². */
  globalEntries: number;
  windowEntries: number;
  /** Entries of q, k and v together: 3·HW·C, the same for global and window attention. */
  qkvEntries: number;
  /** Floating-point operations of each step (a multiply-add counts 2), for B images. */
  flops: { step: string; window: number; global: number }[];
}

/**
 * What window attention saves against global attention (and what it does not), step by step
 * through Swin's `WindowAttention.forward`, from the parameters alone.
 */
export function windowAttentionCost(p: {
  B: number;
  H: number;
  W: number;
  C: number;
  window_size: number;
  num_heads: number;
}): WindowAttentionCost {
  const { B, H, W, C, window_size: M, num_heads: heads } = p;
  const L = H * W;
  const global = attentionCost('global', H, W, C, heads, M);
  const windowed = attentionCost('window', H, W, C, heads, M);
  const both = (step: string, f: number) => ({ step, window: f, global: f });
  // Each of q @ kᵀ and attn @ v is half the MACs, and a MAC is 2 FLOPs: B · macs FLOPs apiece.
  const matmul = (step: string) => ({ step, window: B * windowed.macs, global: B * global.macs });
  // One FLOP per entry for the bias, three for softmax (exp, sum, divide).
  const perEntry = (step: string, k: number) => ({
    step,
    window: k * B * windowed.entries,
    global: k * B * global.entries
  });
  return {
    tokens: L,
    N: M * M,
    globalEntries: global.entries / heads,
    windowEntries: windowed.entries / heads,
    qkvEntries: 3 * L * C,
    flops: [
      both('qkv = Linear(C, 3C)', 2 * B * L * C * 3 * C),
      both('q · scale', B * L * C),
      matmul('q @ kᵀ'),
      perEntry('+ bias', 1),
      perEntry('softmax', 3),
      matmul('attn @ v'),
      both('proj = Linear(C, C)', 2 * B * L * C * C)
    ]
  };
}
