/**
 * The page's seeded weights (no trained model): PatchEmbed's Conv2d and LayerNorm, PatchMerging's
 * LayerNorm(4C) and Linear(4C, 2C, bias=False), Restormer's Downsample / Upsample convs (bias=False).
 * LayerNorms start at their PyTorch init (weight 1, bias 0); the rest are N(0, 1/fan_in), so a
 * link with the same seed reproduces the same numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PatchEmbedParams, PatchMergingParams } from '$lib/tensor';
import { seededNormal } from '$lib/tensor/random';

export interface PageWeights {
  embed: PatchEmbedParams;
  merge: PatchMergingParams;
  /** Restormer `Downsample(C)`: Conv2d(C, C // 2, 3, padding=1) `[C//2, C, 3, 3]`, or null for C = 1. */
  down: tf.Tensor | null;
  /** Restormer `Upsample(n)` with n = 4·(C // 2): Conv2d(n, 2n, 3, padding=1) `[2n, n, 3, 3]`. */
  up: tf.Tensor | null;
}

/** Call inside a tidy scope. */
export function pageWeights(C: number, ps: number, E: number, seed: number): PageWeights {
  const half = Math.floor(C / 2);
  const n = 4 * half;
  return {
    embed: {
      patchSize: ps,
      projWeight: seededNormal([E, C, ps, ps], seed + 1, 0, 1 / Math.sqrt(C * ps * ps)),
      projBias: seededNormal([E], seed + 2, 0, 0.1),
      normWeight: tf.ones([E]),
      normBias: tf.zeros([E])
    },
    merge: {
      normWeight: tf.ones([4 * C]),
      normBias: tf.zeros([4 * C]),
      reductionWeight: seededNormal([2 * C, 4 * C], seed + 3, 0, 1 / Math.sqrt(4 * C))
    },
    down: half > 0 ? seededNormal([half, C, 3, 3], seed + 4, 0, 1 / Math.sqrt(9 * C)) : null,
    up: half > 0 ? seededNormal([2 * n, n, 3, 3], seed + 5, 0, 1 / Math.sqrt(9 * n)) : null
  };
}
