/**
 * Parameters of /restormer: a Restormer TransformerBlock on x [1, C, H, W] with num_heads heads
 * (must divide C) and the GDFN width hidden = int(C · ffn_expansion_factor) — a float, parsed
 * and explained here (the shared parser takes whole numbers only).
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

export const FFN_SPEC: ParamSpec = {
  name: 'ffn_expansion_factor',
  label: 'ffn_expansion_factor',
  min: 0.25,
  max: 8,
  default: 2.66,
  // A float: the control is a text input showing the validated value, and this file parses it.
  format: (v) => String(v.ffn_expansion_factor)
};

export const restormerSpecs: ParamSpec[] = [
  { name: 'C', label: 'C (dim)', min: 1, max: 48, default: 8 },
  { name: 'H', label: 'H (height)', min: 1, max: 48, default: 6 },
  { name: 'W', label: 'W (width)', min: 1, max: 48, default: 5 },
  { name: 'num_heads', label: 'num_heads', min: 1, max: 48, default: 2 },
  FFN_SPEC,
  SEED_SPEC
];

/** Parse a float parameter: not-a-number → default, out of range → clamped, each explained. */
export function parseFloatParam(
  spec: ParamSpec,
  raw: string | undefined
): { value: number; message?: string } {
  if (raw === undefined || raw.trim() === '') return { value: spec.default };
  const text = raw.trim();
  const n = Number(text);
  if (!Number.isFinite(n))
    return {
      value: spec.default,
      message: `${spec.name}="${text}" is not a number; using the default ${spec.default}.`
    };
  if (n < spec.min)
    return {
      value: spec.min,
      message: `${spec.name}=${text} is below the minimum ${spec.min}; using ${spec.min}.`
    };
  if (n > spec.max)
    return {
      value: spec.max,
      message: `${spec.name}=${text} is above the maximum ${spec.max}; using ${spec.max}.`
    };
  return { value: n };
}

/** GDFN's hidden width, as Python's `int(dim * ffn_expansion_factor)` (truncation). */
export function hiddenFeatures(C: number, factor: number): number {
  return Math.trunc(C * factor);
}

export function validateRestormer(query: Query): Parsed {
  const ints = restormerSpecs.filter((s) => s !== FFN_SPEC);
  const { values, messages } = parseParams(ints, query);
  const ffn = parseFloatParam(FFN_SPEC, query[FFN_SPEC.name]);
  if (ffn.message) messages.push(ffn.message);
  values[FFN_SPEC.name] = ffn.value;
  const { C, H, W } = values;

  const hidden = hiddenFeatures(C, ffn.value);
  const cap =
    elementCapMessage('GDFN project_in(x)', [1, 2 * hidden, H, W]) ??
    elementCapMessage('qkv', [1, 3 * C, H, W]);
  if (cap) return { values: defaults(restormerSpecs), messages: [...messages, cap] };

  if (hidden < 1) {
    const fix = Math.ceil(100 / C) / 100;
    messages.push(
      `ffn_expansion_factor=${ffn.value} gives hidden = int(${C}·${ffn.value}) = ${hidden} channels; ` +
        `GDFN needs at least 1: use ffn_expansion_factor ≥ ${fix}. Using ${FFN_SPEC.default}.`
    );
    values[FFN_SPEC.name] = FFN_SPEC.default;
  }
  const hm = headsMessage(values.num_heads, C);
  if (hm) {
    messages.push(hm);
    values.num_heads = nearestDivisor(C, values.num_heads);
  }
  return { values, messages };
}
