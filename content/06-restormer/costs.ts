/**
 * The attention-cost series of the /restormer cost plot: global, window and MDTA attention over
 * image sides 8 … 1024 from the formulas of `$lib/tensor/attention-cost`, with the formulas checked
 * against the real tensors at the small sides.
 */
import { attentionCost, measureAttentionCost, type AttentionKind, type Cost } from '$lib/tensor';
import { memo } from '$lib/memo';

export interface CostCheck {
  kind: AttentionKind;
  side: number;
  formula: Cost;
  measured: Cost;
}
export interface RestormerCosts {
  C: number;
  heads: number;
  M: number;
  sides: number[];
  series: Record<AttentionKind, Cost[]>;
  checks: CostCheck[];
}

/** Sides of the square images the cost plot covers (8 … 1024 pixels). */
export const COST_SIDES = [8, 16, 32, 64, 128, 256, 512, 1024];
const CHECK_SIDES = [8, 16];

// The checks run real tensors (~100 ms); the costs depend on sizes only (C, heads, M), never on
// H, W, the FFN factor or the seed of the values, so the last result is kept (a memo of a pure
// function, not shared state).
const remembered = memo<RestormerCosts>(1);

export function restormerCosts(C: number, heads: number, M = 8): RestormerCosts {
  return remembered(`${C},${heads},${M}`, () => computeCosts(C, heads, M));
}

function computeCosts(C: number, heads: number, M: number): RestormerCosts {
  const kinds: AttentionKind[] = ['global', 'window', 'mdta'];
  const series = Object.fromEntries(
    kinds.map((k) => [k, COST_SIDES.map((s) => attentionCost(k, s, s, C, heads, M))])
  ) as Record<AttentionKind, Cost[]>;
  const checks = kinds.flatMap((kind) =>
    CHECK_SIDES.map((side) => ({
      kind,
      side,
      formula: attentionCost(kind, side, side, C, heads, M),
      measured: measureAttentionCost(kind, side, C, heads, M)
    }))
  );
  return { C, heads, M, sides: COST_SIDES, series, checks };
}
