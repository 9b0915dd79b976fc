/**
 * The seven steps of /patch-merging, each explained with the numbers of this run: PatchEmbed, then
 * PatchMerging's view → slices → cat → norm + reduction, then PixelUnshuffle beside it and
 * PixelShuffle back.
 */
import type { Step } from '$lib/trace/types';
import type { PatchMergingParams, PatchMergingRun } from './run';
import type { patchMergingViews } from './views';

const exp = (v: number) => (v === 0 ? '0' : v.toExponential(1));

export function patchMergingSteps(
  p: PatchMergingParams,
  r: PatchMergingRun,
  v: ReturnType<typeof patchMergingViews>
): Step[] {
  const { B, H, W, C, patch_size: ps, embed_dim: E } = p;
  const [h, w] = [H / 2, W / 2];
  const sh = (s: readonly number[]) => `[${s.join(', ')}]`;
  const perm = r.permutation;
  return [
    {
      id: 'embed',
      title: 'PatchEmbed',
      explain:
        `Conv2d(${C}, ${E}, kernel_size=${ps}, stride=${ps}) on x.permute(0, 3, 1, 2), then ` +
        `flatten(2).transpose(1, 2) and LayerNorm(${E}): ${H / ps}·${W / ps} = ${v.L} tokens of ${E}. ` +
        `Each token is one ${ps}×${ps} patch: hover a token to light its patch. Written as "cut into ` +
        `patches, then a Linear", the same tokens come out (max |diff| = ${exp(r.checks.embedAsLinear)}).` +
        (ps === 1
          ? ' With patch_size=1 the conv is a per-pixel Linear: SwinIR keeps every pixel as a token.'
          : ''),
      tensors: [v.x(ps), v.tokens]
    },
    {
      id: 'view',
      title: 'x.view(B, H, W, C)',
      explain:
        `PatchMerging receives tokens [${B}, ${H * W}, ${C}] and views them as the ${H}×${W} image ` +
        `again: no value moves. The lines mark its 2×2 neighbourhoods, ${h}·${w} = ${v.Lm} of them.`,
      tensors: [v.x(2)]
    },
    {
      id: 'slice',
      title: 'x0, x1, x2, x3',
      explain:
        'Four strided slices: x0 = x[:, 0::2, 0::2] (even row, even column), x1 = x[:, 1::2, 0::2] ' +
        '(odd row), x2 = x[:, 0::2, 1::2] (odd column), x3 = x[:, 1::2, 1::2]. Each is ' +
        `[${B}, ${h}, ${w}, ${C}]. Note the order: the row offset changes first.`,
      tensors: [v.x(2), ...v.slices]
    },
    {
      id: 'cat',
      title: 'torch.cat(-1): 4C channels',
      explain:
        `torch.cat([x0, x1, x2, x3], -1) stacks them along channels: x_cat is ${sh(r.xCat.shape)}. ` +
        'Channel k = q·C + c is channel c of slice x_q, so q = k // C picks the offset (dy, dx): ' +
        '(0, 0), (1, 0), (0, 1), (1, 1). Hover any cell to find its pixel.',
      tensors: [v.x(2), v.xCat]
    },
    {
      id: 'reduce',
      title: 'LayerNorm(4C) → Linear(4C, 2C)',
      explain:
        `x_cat is viewed as [${B}, ${v.Lm}, ${4 * C}], normalised over its ${4 * C} channels and ` +
        `projected by Linear(${4 * C}, ${2 * C}, bias=False): half the resolution, twice the channels, ` +
        `x_merged ${sh(r.merge.out.shape)}. Hover a token to light its 2×2 neighbourhood.`,
      tensors: [v.x(2), v.xCat, v.xMerged]
    },
    {
      id: 'unshuffle',
      title: 'PixelUnshuffle(2), beside x_cat',
      explain:
        `Restormer downsamples with PixelUnshuffle(2) on NCHW: the same ${4 * C} values per 2×2 ` +
        `neighbourhood, ${sh(r.unshuffled.shape)}, but channel c·4 + i·2 + j is channel c at offset ` +
        `(i, j): channel-major, where x_cat is offset-major with the column offset last. ` +
        `${perm.fixed} of ${4 * C} channels sit at the same place; the table below is read from the two tensors.`,
      tensors: [v.x(2), v.xCat, v.xUnshuffled]
    },
    {
      id: 'shuffle',
      title: 'PixelShuffle(2) undoes it',
      explain:
        `pixel_shuffle(x_unshuffled, 2) puts every channel back at its pixel: ${sh(r.shuffled.shape)}, ` +
        `equal to x.permute(0, 3, 1, 2) (max |diff| = ${exp(r.checks.shuffleRoundTrip)}). Restormer's ` +
        'Upsample is a conv to twice the channels, then PixelShuffle(2): a quarter of them at twice the side.',
      tensors: [v.xUnshuffled, v.xShuffled]
    }
  ];
}
