/**
 * The page's seeded weights (no trained model): PatchEmbed's Conv2d and LayerNorm, PatchMerging's
 * LayerNorm(4C) and Linear(4C, 2C, bias=False), Restormer's Downsample / Upsample convs (bias=False).
 * LayerNorms start at their PyTorch init (weight 1, bias 0); the rest are N(0, 1/fan_in), so a
 * link with the same seed reproduces the same numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PatchEmbedParams, PatchMergingParams } from '$lib/tensor';
import { seededNormal } from '$lib/tensor/random';

/** The weights after PatchEmbed's. */
export interface MergeWeights {
  merge: PatchMergingParams;
  /** Restormer `Downsample(C)`: Conv2d(C, C // 2, 3, padding=1) `[C//2, C, 3, 3]`, or null for C = 1. */
  down: tf.Tensor | null;
  /** Restormer `Upsample(n)` with n = 4·(C // 2): Conv2d(n, 2n, 3, padding=1) `[2n, n, 3, 3]`. */
  up: tf.Tensor | null;
}

/** PatchEmbed's weights alone: all a preview of the first step needs. Call inside a tidy scope. */
export function embedWeights(C: number, ps: number, E: number, seed: number): PatchEmbedParams {
  return {
    patchSize: ps,
    projWeight: seededNormal([E, C, ps, ps], seed + 1, 0, 1 / Math.sqrt(C * ps * ps)),
    projBias: seededNormal([E], seed + 2, 0, 0.1),
    normWeight: tf.ones([E]),
    normBias: tf.zeros([E])
  };
}

/**
 * PatchMerging's and Restormer's weights, each from its own seed offset, so they are the same
 * numbers whether or not PatchEmbed's were made first. Call inside a tidy scope.
 */
export function mergeWeights(C: number, seed: number): MergeWeights {
  const half = Math.floor(C / 2);
  const n = 4 * half;
  return {
    merge: {
      normWeight: tf.ones([4 * C]),
      normBias: tf.zeros([4 * C]),
      reductionWeight: seededNormal([2 * C, 4 * C], seed + 3, 0, 1 / Math.sqrt(4 * C))
    },
    down: half > 0 ? seededNormal([half, C, 3, 3], seed + 4, 0, 1 / Math.sqrt(9 * C)) : null,
    up: half > 0 ? seededNormal([2 * n, n, 3, 3], seed + 5, 0, 1 / Math.sqrt(9 * n)) : null
  };
}
