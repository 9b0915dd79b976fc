/**
 * Parameters of /window-attention and the rules between them: the window must tile H and W (the
 * nearest valid window is used and explained), Swin's clamp when the image is no larger than the
 * window, and num_heads must divide C. (The cost of global against window attention is
 * `windowAttentionCost` in $lib/tensor/attention-cost.)
 */
import {
  defaults,
  divisors,
  elementCapMessage,
  parseParams,
  type ParamSpec,
  type Parsed,
  SEED_SPEC,
  type Query
} from '$lib/figure/params';

export const windowAttentionSpecs: ParamSpec[] = [
  { name: 'B', label: 'B (batch)', min: 1, max: 4, default: 1 },
  { name: 'H', label: 'H (height)', min: 1, max: 64, default: 8 },
  { name: 'W', label: 'W (width)', min: 1, max: 64, default: 8 },
  { name: 'C', label: 'C (channels)', min: 1, max: 48, default: 6 },
  { name: 'window_size', label: 'window_size', min: 1, max: 16, default: 4 },
  { name: 'num_heads', label: 'num_heads', min: 1, max: 48, default: 2 },
  SEED_SPEC
];

/** Validate the combination; never throws. */
export function validateWindowAttention(query: Query): Parsed {
  const { values, messages } = parseParams(windowAttentionSpecs, query);
  const { B, H, W, C } = values;
  let ws = values.window_size;
  let heads = values.num_heads;

  if (Math.min(H, W) < ws) {
    messages.push(
      `window_size=${ws} is larger than the ${H}×${W} image: Swin then uses one window of ` +
        `min(H, W) = ${Math.min(H, W)}. Using window_size=${Math.min(H, W)}.`
    );
    ws = Math.min(H, W);
  }
  if (H % ws !== 0 || W % ws !== 0) {
    const requested = ws;
    while (ws > 1 && (H % ws !== 0 || W % ws !== 0)) ws--;
    const axis = H % requested !== 0 ? `H=${H}` : `W=${W}`;
    messages.push(
      `${axis} is not a multiple of window_size=${requested}: windows must tile the image ` +
        `(SwinIR pads it, see /window-partition). Using window_size=${ws}, the largest size ` +
        `≤ ${requested} that divides both H=${H} and W=${W}.`
    );
  }
  if (C % heads !== 0) {
    const choices = divisors(C);
    const nearest = Math.max(...choices.filter((d) => d <= heads));
    messages.push(
      `num_heads=${heads} does not divide C=${C}: each head takes C / num_heads channels, so ` +
        `choose one of ${choices.join(', ')}. Using num_heads=${nearest}.`
    );
    heads = nearest;
  }
  const N = ws * ws;
  const cap =
    elementCapMessage('attn', [B * (H / ws) * (W / ws), heads, N, N]) ??
    elementCapMessage('qkv', [3, B * H * W, C]);
  if (cap) return { values: defaults(windowAttentionSpecs), messages: [...messages, cap] };
  return { values: { ...values, window_size: ws, num_heads: heads }, messages };
}
