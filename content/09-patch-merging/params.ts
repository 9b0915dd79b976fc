/**
 * Parameters of /patch-merging, named as the PyTorch arguments: `x [B, H, W, C]` goes through
 * Swin's PatchEmbed (in_chans = C, patch_size, embed_dim), PatchMerging (dim = C) and Restormer's
 * PixelUnshuffle(2). Merging and unshuffling need even H and W; the embedding needs H and W to be
 * multiples of patch_size. Bad values are explained and replaced by the nearest valid state.
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

export const patchMergingSpecs: ParamSpec[] = [
  { name: 'B', label: 'B (batch)', min: 1, max: 8, default: 1 },
  { name: 'H', label: 'H (height)', min: 2, max: 1024, default: 4 },
  { name: 'W', label: 'W (width)', min: 2, max: 1024, default: 6 },
  { name: 'C', label: 'C (channels = in_chans = dim)', min: 1, max: 96, default: 3 },
  { name: 'patch_size', label: 'patch_size', min: 1, max: 16, default: 2 },
  { name: 'embed_dim', label: 'embed_dim', min: 1, max: 96, default: 6 },
  SEED_SPEC
];

/** Elements the figure draws cell by cell in one tensor; beyond this it stops being readable. */
export const MAX_DRAWN = 4096;

/** Common divisors of H and W (the patch sizes that tile the image exactly). */
export function commonPatchSizes(H: number, W: number): number[] {
  return divisors(H).filter((d) => W % d === 0);
}

/** Why an odd side cannot be merged, and the fix, in the words of the official assertion. */
export function oddSideMessage(axis: 'H' | 'W', size: number, other: number): string {
  const what = axis === 'H' ? 'height' : 'width';
  const [even, odd] = [Math.ceil(size / 2), Math.floor(size / 2)];
  const slice = axis === 'H' ? 'x[:, 0::2] and x[:, 1::2]' : 'x[:, :, 0::2] and x[:, :, 1::2]';
  const [h, w] = axis === 'H' ? [size, other] : [other, size];
  return (
    `${axis}=${size} is odd, but PatchMerging needs an even ${what}: it merges 2×2 neighbourhoods, ` +
    `and ${slice} would have ${even} and ${odd} ${axis === 'H' ? 'rows' : 'columns'}, which torch.cat ` +
    `cannot join. The official forward asserts H % 2 == 0 and W % 2 == 0 ("x size (${h}*${w}) are ` +
    `not even."). Fix: pad one ${axis === 'H' ? 'row at the bottom' : 'column on the right'} ` +
    `(F.pad, as Swin's detection code does) or crop one. Using ${axis}=${size + 1}.`
  );
}

/** Validate the combination; returns values the trace can run on, and what was changed and why. */
export function validatePatchMerging(query: Query): Parsed {
  const { values, messages } = parseParams(patchMergingSpecs, query);
  let { H, W } = values;
  const { B, C, embed_dim: E } = values;

  // Refuse before allocating anything: the element cap, then what the figure can draw.
  const cap = elementCapMessage('x', [B, H, W, C]) ?? elementCapMessage('tokens', [B, H * W, E]);
  if (cap) return { values: defaults(patchMergingSpecs), messages: [...messages, cap] };

  if (H % 2 === 1) {
    messages.push(oddSideMessage('H', H, W));
    H += 1;
  }
  if (W % 2 === 1) {
    messages.push(oddSideMessage('W', W, H));
    W += 1;
  }

  let ps = values.patch_size;
  if (H % ps !== 0 || W % ps !== 0) {
    const fits = commonPatchSizes(H, W);
    const using = fits.filter((d) => d <= ps).at(-1) ?? 1;
    const [dropH, dropW] = [H % ps, W % ps];
    const bad = dropH ? `H=${H}` : `W=${W}`;
    messages.push(
      `${bad} is not a multiple of patch_size=${ps}: the stride-${ps} Conv2d of PatchEmbed would ` +
        `silently drop the last ${dropH} row(s) and ${dropW} column(s) (the official PatchEmbed ` +
        `asserts the image size instead). Fix: pad to ${Math.ceil(H / ps) * ps}×${Math.ceil(W / ps) * ps}, ` +
        `or choose a patch_size that divides both (${fits.join(', ')}). Using patch_size=${using}.`
    );
    ps = using;
  }

  const L = (H / ps) * (W / ps);
  const drawn = Math.max(B * H * W * C, B * L * E);
  if (drawn > MAX_DRAWN) {
    return {
      values: defaults(patchMergingSpecs),
      messages: [
        ...messages,
        `x [${B}, ${H}, ${W}, ${C}] and tokens [${B}, ${L}, ${E}] would be ${drawn.toLocaleString('en')} ` +
          `cells, more than the ${MAX_DRAWN.toLocaleString('en')} this figure draws one by one; using the ` +
          `defaults. Lower B, H, W, C or embed_dim (the table below the figure runs Swin-T's real sizes).`
      ]
    };
  }
  return { values: { ...values, H, W, patch_size: ps }, messages };
}
