/**
 * The seven steps of /patch-merging, each explained with the numbers of this run: PatchEmbed, then
 * PatchMerging's view → slices → cat → norm + reduction, then PixelUnshuffle beside it and
 * PixelShuffle back. The texts are written apart from the tensors, so a preview (trace.ts) lists
 * the same steps with the first step's tensors only.
 */
import type { Step, StepText } from '$lib/trace/types';
import { withTensors } from '$lib/trace/step-texts';
import type { PatchMergingParams, PatchMergingRun } from './run';
import type { patchMergingViews } from './views';

/** The steps in order: a preview finds the step on show before it computes anything. */
export const STEP_IDS = ['embed', 'view', 'slice', 'cat', 'reduce', 'unshuffle', 'shuffle'];

const exp = (v: number) => (v === 0 ? '0' : v.toExponential(1));

/** What the texts quote besides the parameters: two checks, four shapes, the fixed channels. */
export interface StepQuotes {
  embedAsLinear: number;
  shuffleRoundTrip: number;
  xCat: readonly number[];
  merged: readonly number[];
  unshuffled: readonly number[];
  shuffled: readonly number[];
  /** How many of the 4C channels sit at the same place in x_cat and x_unshuffled. */
  fixed: number;
}

export function patchMergingStepTexts(p: PatchMergingParams, q: StepQuotes): StepText[] {
  const { B, H, W, C, patch_size: ps, embed_dim: E } = p;
  const [h, w] = [H / 2, W / 2];
  const [L, Lm] = [(H / ps) * (W / ps), h * w];
  const sh = (s: readonly number[]) => `[${s.join(', ')}]`;
  return [
    {
      id: 'embed',
      title: 'PatchEmbed',
      explain:
        `Conv2d(${C}, ${E}, kernel_size=${ps}, stride=${ps}) on x.permute(0, 3, 1, 2), then ` +
        `flatten(2).transpose(1, 2) and LayerNorm(${E}): ${H / ps}·${W / ps} = ${L} tokens of ${E}. ` +
        `Each token is one ${ps}×${ps} patch: hover a token to light its patch. Written as "cut into ` +
        `patches, then a Linear", the same tokens come out (max |diff| = ${exp(q.embedAsLinear)}).` +
        (ps === 1
          ? ' With patch_size=1 the conv is a per-pixel Linear: SwinIR keeps every pixel as a token.'
          : '')
    },
    {
      id: 'view',
      title: 'x.view(B, H, W, C)',
      explain:
        `PatchMerging receives tokens [${B}, ${H * W}, ${C}] and views them as the ${H}×${W} image ` +
        `again: no value moves. The lines mark its 2×2 neighbourhoods, ${h}·${w} = ${Lm} of them.`
    },
    {
      id: 'slice',
      title: 'x0, x1, x2, x3',
      explain:
        'Four strided slices: x0 = x[:, 0::2, 0::2] (even row, even column), x1 = x[:, 1::2, 0::2] ' +
        '(odd row), x2 = x[:, 0::2, 1::2] (odd column), x3 = x[:, 1::2, 1::2]. Each is ' +
        `[${B}, ${h}, ${w}, ${C}]. Note the order: the row offset changes first.`
    },
    {
      id: 'cat',
      title: 'torch.cat(-1): 4C channels',
      explain:
        `torch.cat([x0, x1, x2, x3], -1) stacks them along channels: x_cat is ${sh(q.xCat)}. ` +
        'Channel k = q·C + c is channel c of slice x_q, so q = k // C picks the offset (dy, dx): ' +
        '(0, 0), (1, 0), (0, 1), (1, 1). Hover any cell to find its pixel.'
    },
    {
      id: 'reduce',
      title: 'LayerNorm(4C) → Linear(4C, 2C)',
      explain:
        `x_cat is viewed as [${B}, ${Lm}, ${4 * C}], normalised over its ${4 * C} channels and ` +
        `projected by Linear(${4 * C}, ${2 * C}, bias=False): half the resolution, twice the channels, ` +
        `x_merged ${sh(q.merged)}. Hover a token to light its 2×2 neighbourhood.`
    },
    {
      id: 'unshuffle',
      title: 'PixelUnshuffle(2), beside x_cat',
      explain:
        `Restormer downsamples with PixelUnshuffle(2) on NCHW: the same ${4 * C} values per 2×2 ` +
        `neighbourhood, ${sh(q.unshuffled)}, but channel c·4 + i·2 + j is channel c at offset ` +
        `(i, j): channel-major, where x_cat is offset-major with the column offset last. ` +
        `${q.fixed} of ${4 * C} channels sit at the same place; the table below is read from the two tensors.`
    },
    {
      id: 'shuffle',
      title: 'PixelShuffle(2) undoes it',
      explain:
        `pixel_shuffle(x_unshuffled, 2) puts every channel back at its pixel: ${sh(q.shuffled)}, ` +
        `equal to x.permute(0, 3, 1, 2) (max |diff| = ${exp(q.shuffleRoundTrip)}). Restormer's ` +
        'Upsample is a conv to twice the channels, then PixelShuffle(2): a quarter of them at twice the side.'
    }
  ];
}

/** The steps of the complete run: its texts, each with its tensors. */
export function patchMergingSteps(
  p: PatchMergingParams,
  r: PatchMergingRun,
  v: ReturnType<typeof patchMergingViews>
): Step[] {
  const quotes = {
    embedAsLinear: r.checks.embedAsLinear,
    shuffleRoundTrip: r.checks.shuffleRoundTrip,
    xCat: r.xCat.shape,
    merged: r.merge.out.shape,
    unshuffled: r.unshuffled.shape,
    shuffled: r.shuffled.shape,
    fixed: r.permutation.fixed
  };
  return withTensors(patchMergingStepTexts(p, quotes), [
    [v.x(p.patch_size), v.tokens],
    [v.x(2)],
    [v.x(2), ...v.slices],
    [v.x(2), v.xCat],
    [v.x(2), v.xCat, v.xMerged],
    [v.x(2), v.xCat, v.xUnshuffled],
    [v.xUnshuffled, v.xShuffled]
  ]);
}
