/**
 * URL/control parameters: parse, validate and explain. Every control of a figure is a parameter
 * named as the PyTorch argument (`H`, `window_size`, …); bad values never throw, they become a
 * message plus the nearest valid value.
 */
export interface ParamSpec {
  name: string;
  label: string;
  min: number;
  max: number;
  default: number;
  /** Why the bound exists, appended to the message when a value is clamped to `max`. */
  maxReason?: string;
  /** The control's step (e.g. 32 for an image side that must be a multiple of 32); 1 by default. */
  step?: number;
  /**
   * For a parameter written as text rather than one number (e.g. `window_size=2x3`): the canonical
   * text of the validated values. Its control becomes a text input and the URL carries this text;
   * the figure's `validate` parses the raw text itself. Without it the parameter is a plain number.
   */
  format?: (values: ParamValues) => string;
}

export type ParamValues = Record<string, number>;

export interface Parsed {
  values: ParamValues;
  messages: string[];
}

/** Elements one tensor may have before we refuse to allocate it (2²² ≈ 4.2 M). */
export const MAX_ELEMENTS = 2 ** 22;

/** The seed of a page's random inputs/weights: any 32-bit non-negative integer, 0 by default. */
export const SEED_SPEC: ParamSpec = {
  name: 'seed',
  label: 'seed',
  min: 0,
  max: 2 ** 31 - 1,
  default: 0
};

/** Parse one raw value (from the URL or a control) against its spec. */
export function parseValue(
  spec: ParamSpec,
  raw: string | null | undefined
): { value: number; message?: string } {
  if (raw === null || raw === undefined || raw.trim() === '') return { value: spec.default };
  const text = raw.trim();
  const n = Number(text);
  if (!Number.isFinite(n)) {
    return {
      value: spec.default,
      message: `${spec.name}="${text}" is not a number; using the default ${spec.default}.`
    };
  }
  if (!Number.isInteger(n)) {
    const rounded = Math.min(spec.max, Math.max(spec.min, Math.round(n)));
    return {
      value: rounded,
      message: `${spec.name}=${text} must be a whole number; using ${rounded}.`
    };
  }
  if (n < spec.min) {
    return {
      value: spec.min,
      message: `${spec.name}=${n} is below the minimum ${spec.min}; using ${spec.min}.`
    };
  }
  if (n > spec.max) {
    const why = spec.maxReason ? ` (${spec.maxReason})` : '';
    return {
      value: spec.max,
      message: `${spec.name}=${n} is above the maximum ${spec.max}${why}; using ${spec.max}.`
    };
  }
  return { value: n };
}

/** Raw parameter values by name, as in the URL query (absent = use the default). */
export type Query = Readonly<Record<string, string | undefined>>;

/** Parse every spec from a query; unknown keys are ignored. */
export function parseParams(specs: readonly ParamSpec[], query: Query): Parsed {
  const values: ParamValues = {};
  const messages: string[] = [];
  for (const spec of specs) {
    const { value, message } = parseValue(spec, query[spec.name]);
    values[spec.name] = value;
    if (message) messages.push(message);
  }
  return { values, messages };
}

export function defaults(specs: readonly ParamSpec[]): ParamValues {
  return Object.fromEntries(specs.map((s) => [s.name, s.default]));
}

/**
 * Refuse a shape larger than {@link MAX_ELEMENTS} before anything is allocated.
 * Returns the message, or null when the size is fine.
 */
export function elementCapMessage(what: string, shape: readonly number[]): string | null {
  const n = shape.reduce((a, b) => a * b, 1);
  if (n <= MAX_ELEMENTS) return null;
  return (
    `${what} [${shape.join(', ')}] would have ${n.toLocaleString('en')} elements, more than the ` +
    `${MAX_ELEMENTS.toLocaleString('en')} this page computes in your browser; using the defaults instead.`
  );
}

/** Divisors of n in increasing order (valid head counts for C channels). */
export function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}

/** The divisor of `n` nearest to `want` (ties go to the smaller one). */
export function nearestDivisor(n: number, want: number): number {
  return divisors(n).reduce((best, d) => (Math.abs(d - want) < Math.abs(best - want) ? d : best));
}

/** The "num_heads must divide C" rule, with the fix spelled out. Null when it divides. */
export function headsMessage(numHeads: number, C: number): string | null {
  if (C % numHeads === 0) return null;
  const using = nearestDivisor(C, numHeads);
  return (
    `num_heads=${numHeads} does not divide C=${C}: choose one of ${divisors(C).join(', ')}. ` +
    `Using num_heads=${using}.`
  );
}
