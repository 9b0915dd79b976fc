/**
 * What the /trained-swinir worker computes, as plain functions of plain data: load a model from its
 * .safetensors bytes, add seeded Gaussian noise, run SwinIR (src/lib/tensor/swinir.ts) and read the
 * learned relative position bias tables. Images are planar RGB `[3, H, W]` floats on the 0–1 scale.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readSafetensors } from '$lib/tensor/safetensors';
import { seededNormal } from '$lib/tensor/random';
import {
  swinir,
  swinirArgs,
  swinirWeights,
  type BlockAttention,
  type SwinIRArgs
} from '$lib/tensor/swinir';

export interface Rgb {
  width: number;
  height: number;
  /** `[3, H, W]` planar, 0–1. */
  data: Float32Array;
}

export interface Model {
  args: SwinIRArgs;
  weights: Record<string, tf.Tensor>;
}

/** One Swin block's learned `relative_position_bias_table` as `[heads, 2M−1, 2M−1]` images. */
export interface BiasTable {
  layer: number;
  block: number;
  heads: number;
  /** 2M − 1. */
  side: number;
  /** `[heads, side, side]`: entry (h, dy + M − 1, dx + M − 1) is head h's bias for offset (dy, dx). */
  data: Float32Array;
}

export function loadModel(bytes: ArrayBuffer | Uint8Array): Model {
  const file = readSafetensors(bytes);
  if (!file.metadata.args) throw new Error('the model file has no "args" in its metadata');
  return { args: swinirArgs(file.metadata.args), weights: swinirWeights(file) };
}

/**
 * `clean + N(0, (σ/255)²)`, seeded (a link reproduces the same noise), not clipped: the model was
 * trained on unclipped noise. σ = 0 returns the clean values.
 */
export function addNoise(clean: Rgb, sigma: number, seed: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(clean.data, [1, 3, clean.height, clean.width]);
    const noise = seededNormal(x.shape, seed, 0, sigma / 255);
    return tf.add(x, noise).dataSync() as Float32Array;
  });
}

export function runModel(
  model: Model,
  noisy: Float32Array,
  H: number,
  W: number,
  pixel: readonly [number, number],
  onProgress?: (done: number, total: number) => void
): { out: Float32Array; attention: BlockAttention[] } {
  const x = tf.tensor4d(noisy, [1, 3, H, W]);
  try {
    const r = swinir(x, model.weights, model.args, { attentionAt: pixel, onProgress });
    const out = r.out.dataSync() as Float32Array;
    r.out.dispose();
    return { out, attention: r.attention };
  } finally {
    x.dispose();
  }
}

export function biasTables(model: Model): BiasTable[] {
  const M = model.args.window_size;
  const side = 2 * M - 1;
  const out: BiasTable[] = [];
  model.args.depths.forEach((depth, layer) => {
    for (let block = 0; block < depth; block++) {
      const t =
        model.weights[
          `layers.${layer}.residual_group.blocks.${block}.attn.relative_position_bias_table`
        ];
      const [, heads = 1] = t.shape;
      const src = t.dataSync();
      const data = new Float32Array(heads * side * side);
      for (let r = 0; r < side * side; r++)
        for (let h = 0; h < heads; h++) data[h * side * side + r] = src[r * heads + h];
      out.push({ layer, block, heads, side, data });
    }
  });
  return out;
}
