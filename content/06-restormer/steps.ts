/**
 * The nineteen steps of /restormer as the stepper lists them (id = the code lines' `@step` marker,
 * title, explanation from the run's sizes): MDTA, then GDFN. Kept apart from the tensors so the
 * preview (step 1's tensors only) and the complete trace say the same.
 */
import type { StepText } from '$lib/trace/types';
import { hiddenFeatures } from './params';
import type { RestormerParams } from './trace';

export function restormerStepTexts(p: Omit<RestormerParams, 'seed'>): StepText[] {
  const { C, H, W, num_heads: heads } = p;
  const c = C / heads;
  const hidden = hiddenFeatures(C, p.ffn_expansion_factor);
  return [
    {
      id: 'norm1',
      title: 'norm1',
      explain: 'LayerNorm over the C channels of each pixel (to_3d → LayerNorm → to_4d).'
    },
    {
      id: 'qkv',
      title: '1×1 conv to 3C',
      explain: `self.qkv: a 1×1 conv from C=${C} to 3C=${3 * C} channels.`
    },
    {
      id: 'dwconv',
      title: 'Depthwise 3×3',
      explain: `self.qkv_dwconv: groups = 3C = ${3 * C}, one 3×3 kernel per channel (weight [${3 * C}, 1, 3, 3]).`
    },
    {
      id: 'chunk',
      title: 'chunk(3)',
      explain: 'qkv.chunk(3, dim=1) splits the channels into q, k, v.'
    },
    {
      id: 'rearrange',
      title: 'Rearrange to heads',
      explain: `'b (head c) h w -> b head c (h w)': ${heads} head(s) of C/heads = ${c} channels, each a row of H·W = ${H * W} values.`
    },
    {
      id: 'normalize',
      title: 'L2-normalise over H·W',
      explain:
        'F.normalize(q, dim=-1): the last axis is (h w), so each channel row gets unit length over the pixels.'
    },
    {
      id: 'qk',
      title: 'q @ kᵀ · temperature',
      explain: `Channels against channels: [${c}, ${H * W}] @ [${H * W}, ${c}] → ${c}×${c} per head, whatever H and W are.`
    },
    {
      id: 'softmax',
      title: 'softmax',
      explain: `Softmax over the last axis: a (C/heads)² = ${c * c} map per head.`
    },
    {
      id: 'av',
      title: 'attn @ v',
      explain:
        'Each output channel is a mix of the channels of v in its head, at every pixel alike.'
    },
    {
      id: 'merge',
      title: 'Back to (B, C, H, W)',
      explain: "'b head c (h w) -> b (head c) h w': a plain reshape."
    },
    {
      id: 'project',
      title: 'project_out',
      explain: 'A 1×1 conv C → C. Its output is the block’s features, not an attention map.'
    },
    { id: 'residual1', title: 'Residual', explain: 'x = x + self.attn(self.norm1(x)).' },
    {
      id: 'norm2',
      title: 'norm2',
      explain: 'The second LayerNorm, before the feed-forward network.'
    },
    {
      id: 'project-in',
      title: '1×1 conv to 2·hidden',
      explain: `hidden = int(C · ffn_expansion_factor) = int(${C} · ${p.ffn_expansion_factor}) = ${hidden}; project_in makes 2·hidden = ${2 * hidden} channels.`
    },
    {
      id: 'ffn-dwconv',
      title: 'Depthwise 3×3',
      explain: `groups = 2·hidden = ${2 * hidden}: one kernel per channel.`
    },
    {
      id: 'ffn-chunk',
      title: 'chunk(2)',
      explain: 'The channels split in two halves: x1 (the gate) and x2.'
    },
    {
      id: 'gate',
      title: 'gelu(x1) · x2',
      explain: 'The exact (erf) GELU of x1 gates x2, element by element.'
    },
    {
      id: 'ffn-out',
      title: '1×1 conv to C',
      explain: `project_out: hidden = ${hidden} → C = ${C}.`
    },
    {
      id: 'residual2',
      title: 'Residual',
      explain: 'x = x + self.ffn(self.norm2(x)): the block’s output, shaped like x.'
    }
  ];
}
