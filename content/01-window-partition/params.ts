/**
 * Parameters of /window-partition and the rules between them: H and W are padded to a multiple of
 * window_size as SwinIR does (explained, not refused); reflect padding must be smaller than the side.
 */
import {
  elementCapMessage,
  defaults,
  parseParams,
  type ParamSpec,
  type Parsed,
  SEED_SPEC,
  type Query
} from '$lib/figure/params';

export const windowPartitionSpecs: ParamSpec[] = [
  { name: 'B', label: 'B (batch)', min: 1, max: 8, default: 1 },
  { name: 'H', label: 'H (height)', min: 1, max: 256, default: 8 },
  { name: 'W', label: 'W (width)', min: 1, max: 256, default: 8 },
  { name: 'C', label: 'C (channels)', min: 1, max: 64, default: 2 },
  { name: 'window_size', label: 'window_size', min: 1, max: 32, default: 4 },
  SEED_SPEC
];

/** Validate the combination; returns values the trace can run on, and what was changed and why. */
export function validateWindowPartition(query: Query): Parsed {
  const { values, messages } = parseParams(windowPartitionSpecs, query);
  const { B, H, W, C } = values;
  let ws = values.window_size;

  const cap = elementCapMessage('x', [B, H + ws, W + ws, C]);
  if (cap) return { values: defaults(windowPartitionSpecs), messages: [...messages, cap] };

  // Reflect padding needs pad < side; shrink the window until it fits (the nearest valid state).
  const fits = (w: number) => (w - (H % w)) % w < H && (w - (W % w)) % w < W;
  if (!fits(ws)) {
    const requested = ws;
    while (ws > 1 && !fits(ws)) ws--;
    messages.push(
      `window_size=${requested} is too large for a ${H}×${W} image: reflect padding must be smaller ` +
        `than the side it pads. Using window_size=${ws}.`
    );
  }
  for (const [axis, size] of [
    ['H', H],
    ['W', W]
  ] as const) {
    if (size % ws !== 0) {
      const padded = size + ((ws - (size % ws)) % ws);
      messages.push(
        `${axis}=${size} is not a multiple of window_size=${ws}: padded to ${padded} by reflection ` +
          `at the ${axis === 'H' ? 'bottom' : 'right'}, as SwinIR's check_image_size does, and cropped back after window_reverse.`
      );
    }
  }
  return { values: { ...values, window_size: ws }, messages };
}
