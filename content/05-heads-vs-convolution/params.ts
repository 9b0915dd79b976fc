/**
 * Parameters of /heads-vs-convolution: C channels split into num_heads heads (num_heads must divide
 * C), a window of window_size² tokens (the image is 2×2 windows), the seed of the random weights,
 * and the picked output pixel (a token index inside window 0).
 */
import {
  defaults,
  elementCapMessage,
  headsMessage,
  nearestDivisor,
  parseParams,
  type ParamSpec,
  type Parsed,
  SEED_SPEC,
  type Query
} from '$lib/figure/params';

export const headsVsConvSpecs: ParamSpec[] = [
  {
    name: 'C',
    label: 'C (channels)',
    min: 1,
    max: 12,
    default: 6,
    maxReason: 'the experiments build (C·window_size²)² Jacobians in your browser'
  },
  {
    name: 'window_size',
    label: 'window_size',
    min: 2,
    max: 6,
    default: 3,
    maxReason: 'the experiments build (C·window_size²)² Jacobians in your browser'
  },
  { name: 'num_heads', label: 'num_heads', min: 1, max: 12, default: 2 },
  SEED_SPEC,
  { name: 'pixel', label: 'pixel (token in window 0)', min: 0, max: 35, default: 4 }
];

export function validateHeadsVsConv(query: Query): Parsed {
  const { values, messages } = parseParams(headsVsConvSpecs, query);
  const { C, window_size: ws } = values;
  const N = ws * ws;
  // The impulse-response experiments build a (C·N)×(C·N) Jacobian; refuse before allocating it.
  const cap = elementCapMessage('The Jacobian of attn @ v', [C * N, C * N]);
  if (cap) return { values: defaults(headsVsConvSpecs), messages: [...messages, cap] };

  const heads = values.num_heads;
  const hm = headsMessage(heads, C);
  if (hm) messages.push(hm);
  const numHeads = hm ? nearestDivisor(C, heads) : heads;

  let pixel = values.pixel;
  if (pixel >= N) {
    messages.push(
      `pixel=${pixel} is outside the window: a ${ws}×${ws} window has tokens 0–${N - 1}. ` +
        `Using pixel=${N - 1}.`
    );
    pixel = N - 1;
  }
  return { values: { ...values, num_heads: numHeads, pixel }, messages };
}
