/**
 * The hierarchy table's one parameter, `img_size` (Swin's argument name), and the model it runs.
 * Swin-T's PatchEmbed (patch_size 4) and its three PatchMergings (2×2 each) need a side that is
 * a multiple of 4 · 2 · 2 · 2 = 32; the largest is the one whose stage-1 tokens for one image
 * fit the page's element cap. No tfjs here: the control validates before the ops load.
 */
import {
  MAX_ELEMENTS,
  parseParams,
  type ParamSpec,
  type Parsed,
  type Query
} from '$lib/figure/params';

/** Swin-T (swin_tiny_patch4_window7_224). */
export const SWIN_T = {
  patchSize: 4,
  inChans: 3,
  embedDim: 96,
  depths: [2, 2, 6, 2],
  numHeads: [3, 6, 12, 24],
  windowSize: 7,
  mlpRatio: 4,
  numClasses: 1000
};

const MERGES = SWIN_T.depths.length - 1;
/** patch_size, then a factor 2 per PatchMerging: 4 · 2³ = 32. */
export const IMG_MULTIPLE = SWIN_T.patchSize * 2 ** MERGES;
/** The largest multiple whose stage-1 tokens `[1, (img/4)², 96]` stay within MAX_ELEMENTS: 832. */
export const MAX_IMG_SIZE =
  Math.floor((Math.sqrt(MAX_ELEMENTS / SWIN_T.embedDim) * SWIN_T.patchSize) / IMG_MULTIPLE) *
  IMG_MULTIPLE;

const stage1 = (img: number) =>
  `[1, ${((img / SWIN_T.patchSize) ** 2).toLocaleString('en')}, ${SWIN_T.embedDim}]`;

export const hierarchySpecs: ParamSpec[] = [
  {
    name: 'img_size',
    label: "img_size (Swin-T's input side)",
    min: IMG_MULTIPLE,
    max: MAX_IMG_SIZE,
    default: 224,
    step: IMG_MULTIPLE,
    maxReason:
      `one image's stage-1 tokens must fit the ${MAX_ELEMENTS.toLocaleString('en')} elements this ` +
      `page computes: ${MAX_IMG_SIZE} gives ${stage1(MAX_IMG_SIZE)}`
  }
];

const RULE =
  `img_size must be a whole multiple of ${IMG_MULTIPLE} = patch_size ${SWIN_T.patchSize} × 2 × 2 × 2 ` +
  `(PatchEmbed, then ${MERGES} PatchMergings), from ${IMG_MULTIPLE} to ${MAX_IMG_SIZE}.`;

/** Where Swin-T's ops would fail on a side that is not a multiple of 32. */
function whyNotMultiple(img: number): string {
  const ps = SWIN_T.patchSize;
  if (img % ps !== 0)
    return (
      `PatchEmbed's stride-${ps} Conv2d would drop the last ${img % ps} row(s) and column(s) ` +
      `(the official PatchEmbed asserts the size instead)`
    );
  let side = img / ps;
  let merge = 1;
  while (side % 2 === 0) [side, merge] = [side / 2, merge + 1];
  return (
    `after PatchEmbed the side is ${img / ps}, and PatchMerging ${merge} would meet the odd side ` +
    `${side} ("x size (${side}*${side}) are not even.")`
  );
}

/** Validate `img_size`; a bad value is explained and replaced by the nearest valid size. */
export function validateHierarchy(query: Query): Parsed {
  const { values, messages } = parseParams(hierarchySpecs, query);
  const out = messages.map((m) => `${m} ${RULE}`);
  const img = values.img_size;
  if (img % IMG_MULTIPLE === 0) return { values, messages: out };
  const [below, above] = [Math.floor(img / IMG_MULTIPLE), Math.ceil(img / IMG_MULTIPLE)].map((n) =>
    Math.min(MAX_IMG_SIZE, Math.max(IMG_MULTIPLE, n * IMG_MULTIPLE))
  );
  const using = img - below <= above - img ? below : above;
  out.push(
    `img_size=${img} is not a multiple of ${IMG_MULTIPLE} = patch_size ${SWIN_T.patchSize} × 2 × 2 × 2: ` +
      `${whyNotMultiple(img)}. Fix: pad or resize to ${[...new Set([below, above])].join(' or ')}. ` +
      `Using ${using}.`
  );
  return { values: { img_size: using }, messages: out };
}

/**
 * Swin-T's window (7) must tile every stage side larger than itself: the official window_partition
 * views x as [B, H/7, 7, W/7, 7, C] and fails otherwise (a side no larger than the window becomes
 * one window). With sides 8k, 4k, 2k, k for img_size 32k, that holds only when 7 divides k: img_size
 * a multiple of 224. Null when it holds; otherwise the first stage that breaks it, explained.
 */
export function windowNote(img: number): string | null {
  const ws = SWIN_T.windowSize;
  for (let stage = 1; stage <= MERGES + 1; stage++) {
    const side = img / (SWIN_T.patchSize * 2 ** (stage - 1));
    if (side > ws && side % ws !== 0)
      return (
        `At img_size=${img}, stage ${stage} is ${side}×${side}, which Swin-T's window_size ${ws} ` +
        `does not tile: the official window_partition (a view into [B, ${side}/${ws}, ${ws}, …]) ` +
        `fails there, so Swin-T runs only on multiples of ${ws * IMG_MULTIPLE}. The table still ` +
        `computes the shapes, and counts FLOPs as Swin's flops() does, with H·W/${ws}² windows ` +
        `(${((side * side) / (ws * ws)).toFixed(2)} at stage ${stage}). Swin's 384 models use ` +
        `window_size 12 instead.`
      );
  }
  return null;
}
