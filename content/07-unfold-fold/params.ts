/**
 * Parameters of /unfold-fold and the rules between them, named as the PyTorch arguments of
 * `F.unfold(x, kernel_size, stride=stride, padding=padding)` on `x [1, C, H, W]`.
 * The window must fit the padded input (H + 2·padding ≥ kernel_size); everything else is allowed,
 * including (kernel_size, stride, padding) that leave pixels covered by no patch (the page shows them).
 */
import {
  defaults,
  elementCapMessage,
  parseParams,
  type ParamSpec,
  type Parsed,
  SEED_SPEC,
  type Query
} from '$lib/figure/params';

export const unfoldFoldSpecs: ParamSpec[] = [
  {
    name: 'H',
    label: 'H (height)',
    min: 1,
    max: 16,
    default: 5,
    maxReason: 'every patch is drawn'
  },
  { name: 'W', label: 'W (width)', min: 1, max: 16, default: 5, maxReason: 'every patch is drawn' },
  {
    name: 'C',
    label: 'C (channels)',
    min: 1,
    max: 3,
    default: 1,
    maxReason: 'every unfold row is drawn'
  },
  { name: 'kernel_size', label: 'kernel_size', min: 1, max: 8, default: 3 },
  { name: 'stride', label: 'stride', min: 1, max: 8, default: 1 },
  { name: 'padding', label: 'padding', min: 0, max: 4, default: 1 },
  SEED_SPEC
];

/** Cells the page agrees to draw for x_unfold ([C·k·k, L]); beyond this the drawing is unreadable. */
export const MAX_UNFOLD_CELLS = 8192;

/** Patches down and across: `⌊(H + 2p − k)/s⌋ + 1` (the same formula F.unfold uses). */
export function patchGrid(H: number, W: number, k: number, s: number, p: number) {
  const outH = Math.floor((H + 2 * p - k) / s) + 1;
  const outW = Math.floor((W + 2 * p - k) / s) + 1;
  return { outH, outW, L: outH * outW };
}

/** Validate the combination; returns values the trace can run on and what was changed and why. */
export function validateUnfoldFold(query: Query): Parsed {
  const { values, messages: raw } = parseParams(unfoldFoldSpecs, query);
  // Replace the generic "below the minimum" for stride with the rule behind it.
  const messages = raw.map((m) =>
    m.startsWith('stride=') && m.includes('below the minimum')
      ? `${m.split(' ')[0]}: the window must move by at least one pixel per patch (stride ≥ 1); using stride=1.`
      : m
  );
  const { H, W, C, padding: p, stride: s } = values;
  let k = values.kernel_size;

  const fits = (kk: number) => H + 2 * p >= kk && W + 2 * p >= kk;
  if (!fits(k)) {
    const requested = k;
    while (k > 1 && !fits(k)) k--;
    const side = H <= W ? 'H' : 'W';
    const size = Math.min(H, W);
    const needPad = Math.ceil((requested - size) / 2);
    messages.push(
      `kernel_size=${requested} does not fit the padded input: ${side} + 2·padding = ${size} + 2·${p} = ` +
        `${size + 2 * p} < ${requested}, so there is no room for a single patch. Using kernel_size=${k}; ` +
        `or keep kernel_size=${requested} and set padding=${needPad} or more.`
    );
  }
  const { L } = patchGrid(H, W, k, s, p);
  const cap = elementCapMessage('x_unfold', [1, C * k * k, L]);
  if (cap) return { values: defaults(unfoldFoldSpecs), messages: [...messages, cap] };
  if (C * k * k * L > MAX_UNFOLD_CELLS) {
    return {
      values: defaults(unfoldFoldSpecs),
      messages: [
        ...messages,
        `x_unfold would be ${C * k * k}×${L} = ${C * k * k * L} cells, more than the ${MAX_UNFOLD_CELLS} ` +
          `this figure draws one by one; using the defaults. Lower C, H, W or kernel_size, or raise stride.`
      ]
    };
  }
  return { values: { ...values, kernel_size: k }, messages };
}
