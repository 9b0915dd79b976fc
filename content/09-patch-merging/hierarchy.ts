/**
 * The hierarchy table: Swin-T's four stages (and Restormer's four encoder levels) at a chosen input
 * size. The shapes come from running the real ops — PatchEmbed, PatchMerging, Restormer's
 * Downsample — on an empty batch (B = 0): every shape rule and assertion runs, no activation is
 * allocated, so 224×224 costs only the weights. FLOPs follow Swin's own `flops()` methods
 * (microsoft/Swin-Transformer, models/swin_transformer.py), read off those shapes.
 */
import * as tf from '@tensorflow/tfjs-core';
import { conv2dNchw, patchEmbed, patchMerging } from '$lib/tensor';
import { pixelUnshuffle } from '$lib/tensor/pixel-shuffle';
import { SWIN_T } from './hierarchy-params';
import { scoped } from '$lib/trace/scoped';

export { SWIN_T };
/** Restormer's default width (dim = 48) and its three Downsample levels. */
export const RESTORMER_DIM = 48;

export interface StageRow {
  stage: number;
  /** The op that produced this stage's input, and its output shape as the real op returned it. */
  op: string;
  shape: number[];
  resolution: [number, number];
  channels: number;
  tokens: number;
  windowSize: number;
  /** Swin's flops() of that op, and of the stage's blocks (depth × SwinTransformerBlock.flops()). */
  opFlops: number;
  blockFlops: number;
}
export interface LevelRow {
  level: number;
  op: string;
  shape: number[];
}
export interface Hierarchy {
  imgSize: number;
  stages: StageRow[];
  /** Final LayerNorm + classifier head, as Swin's SwinTransformer.flops() adds them. */
  headFlops: number;
  total: number;
  restormer: LevelRow[];
}

/** SwinTransformerBlock.flops() at resolution H×W (window clamped to min(H, W) as Swin does). */
export function blockFlops(H: number, W: number, dim: number, heads: number, ws: number): number {
  const N = ws * ws;
  const nW = (H * W) / N;
  const attn = N * dim * 3 * dim + 2 * heads * N * N * Math.floor(dim / heads) + N * dim * dim;
  return 2 * dim * H * W + nW * attn + 2 * H * W * dim * dim * SWIN_T.mlpRatio;
}

const memo = new Map<number, Hierarchy>();

/** Swin-T's stages and Restormer's levels at `img`×`img`; `img` as `validateHierarchy` returns it. */
export function hierarchy(img: number): Hierarchy {
  const hit = memo.get(img);
  if (hit) return hit;
  const s = SWIN_T;
  const result = scoped(() => {
    const stages: StageRow[] = [];
    const embed = patchEmbed(tf.zeros([0, s.inChans, img, img]), {
      patchSize: s.patchSize,
      projWeight: tf.zeros([s.embedDim, s.inChans, s.patchSize, s.patchSize]),
      projBias: tf.zeros([s.embedDim]),
      normWeight: tf.ones([s.embedDim]),
      normBias: tf.zeros([s.embedDim])
    });
    let x: tf.Tensor3D = embed.out;
    let [H, W] = [embed.conv.shape[2], embed.conv.shape[3]];
    let opFlops = H * W * s.embedDim * s.inChans * s.patchSize ** 2 + H * W * s.embedDim;
    let op = `PatchEmbed(patch_size=${s.patchSize}, embed_dim=${s.embedDim})`;
    for (let i = 0; i < s.depths.length; i++) {
      const C = x.shape[2];
      const ws = Math.min(s.windowSize, H, W);
      stages.push({
        stage: i + 1,
        op,
        shape: [...x.shape],
        resolution: [H, W],
        channels: C,
        tokens: x.shape[1],
        windowSize: ws,
        opFlops,
        blockFlops: s.depths[i] * blockFlops(H, W, C, s.numHeads[i], ws)
      });
      if (i === s.depths.length - 1) break;
      x = patchMerging(x, H, W, {
        normWeight: tf.ones([4 * C]),
        normBias: tf.zeros([4 * C]),
        reductionWeight: tf.zeros([2 * C, 4 * C])
      }).out;
      opFlops = H * W * C + (H / 2) * (W / 2) * 4 * C * 2 * C;
      op = `PatchMerging(dim=${C})`;
      [H, W] = [H / 2, W / 2];
    }
    const last = stages[stages.length - 1];
    const headFlops = last.channels * last.tokens + last.channels * s.numClasses;

    // Restormer: OverlapPatchEmbed keeps the side; each Downsample(n) = Conv2d(n, n/2, 3) + PixelUnshuffle(2).
    let r: tf.Tensor4D = tf.zeros([0, RESTORMER_DIM, img, img]);
    const restormer: LevelRow[] = [
      { level: 1, op: `OverlapPatchEmbed: Conv2d(3, ${RESTORMER_DIM}, 3)`, shape: [...r.shape] }
    ];
    for (let level = 2; level <= 4; level++) {
      const n = r.shape[1];
      const conv = conv2dNchw(r, tf.zeros([n / 2, n, 3, 3]), null, { padding: 1 });
      r = pixelUnshuffle(conv, 2);
      restormer.push({
        level,
        op: `Downsample(${n}): Conv2d(${n}, ${n / 2}, 3) + PixelUnshuffle(2)`,
        shape: [...r.shape]
      });
    }
    const total = stages.reduce((a, st) => a + st.opFlops + st.blockFlops, 0) + headFlops;
    return { imgSize: img, stages, headFlops, total, restormer };
  });
  memo.set(img, result);
  return result;
}
