/**
 * Seeded random tensors for the pages' inputs and weights. tfjs treats seed 0 as "no seed" and
 * falls back to Math.random, so a page's default `seed=0` would change on every load; seeds are
 * shifted by one here, so every whole seed ≥ 0 reproduces the same tensor (a link reproduces the
 * exact view).
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkInt } from './check';

/** `N(mean, std²)` samples of `shape`, reproducible for every seed ≥ 0. */
export function seededNormal(shape: number[], seed: number, mean = 0, std = 1): tf.Tensor {
  checkInt('seed', seed, 0);
  return tf.randomNormal(shape, mean, std, 'float32', seed + 1);
}

/** `U[min, max)` samples of `shape`, reproducible for every seed ≥ 0. */
export function seededUniform(shape: number[], seed: number, min = 0, max = 1): tf.Tensor {
  checkInt('seed', seed, 0);
  return tf.randomUniform(shape, min, max, 'float32', seed + 1);
}
