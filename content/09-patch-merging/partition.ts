/**
 * Patch partition written out: `[B, H, W, C]` → `[B, L, ps·ps·C]`, one row per ps×ps patch in
 * raster order, its values in (dy, dx, c) order. Swin never materialises this (its Conv2d with
 * kernel = stride = patch_size reads the patches itself); the page uses it to link each token to
 * its patch (run on an index tensor) and to check that the conv is this partition plus a Linear.
 */
import * as tf from '@tensorflow/tfjs-core';

export function patchPartition(x: tf.Tensor, ps: number): tf.Tensor3D {
  const [B, H, W, C] = x.shape;
  return tf.tidy(() => {
    const six = tf.reshape(x, [B, H / ps, ps, W / ps, ps, C]);
    const tiles = tf.transpose(six, [0, 1, 3, 2, 4, 5]);
    return tf.reshape(tiles, [B, (H / ps) * (W / ps), ps * ps * C]) as tf.Tensor3D;
  });
}

/**
 * The conv as a Linear on the partition: `tokens = patches @ Wᵀ + b`, with the conv weight
 * `[E, C, ps, ps]` permuted to the partition's (dy, dx, c) order and flattened to `[E, ps·ps·C]`.
 */
export function embedAsLinear(
  x: tf.Tensor,
  projWeight: tf.Tensor,
  projBias: tf.Tensor,
  ps: number
): tf.Tensor3D {
  return tf.tidy(() => {
    const E = projWeight.shape[0];
    const w = tf.reshape(tf.transpose(projWeight, [0, 2, 3, 1]), [E, -1]);
    const patches = patchPartition(x, ps);
    return tf.add(tf.matMul(patches, w, false, true), projBias) as tf.Tensor3D;
  });
}
