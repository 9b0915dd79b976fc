/**
 * The operators /heads-vs-convolution compares, each written as a {@link LinearOp} on NCHW batches
 * `[n, C, H, W]` so that `impulseResponse` can measure its Jacobian: window attention's and MDTA's
 * `attn @ v` with the map fixed, NAFNet's SCA with the scale fixed, and depthwise and grouped 3×3
 * convolutions.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkRank } from './check';
import { conv2dNchw } from './conv-nchw';
import type { LinearOp } from './kernel-properties';

/** `attn @ v` as an operator on v: `attn [heads, N, N]`, v as `[n, C, H, W]` with N = H·W. */
export function windowAttentionOp(attn: tf.Tensor): LinearOp {
  const [heads, N] = attn.shape;
  return (batch) =>
    tf.tidy(() => {
      const [n, C, H, W] = batch.shape;
      check(H * W === N, () => `the window has ${N} tokens, the batch ${H}×${W}`);
      const d = C / heads;
      // [n, heads, d, N] → [heads, N, n·d]: one matMul per head over the whole batch, no broadcast.
      const v = tf.reshape(tf.transpose(tf.reshape(batch, [n, heads, d, N]), [1, 3, 0, 2]), [
        heads,
        N,
        n * d
      ]);
      const out = tf.reshape(tf.matMul(attn, v), [heads, N, n, d]);
      return tf.reshape(tf.transpose(out, [2, 0, 3, 1]), [n, C, H, W]) as tf.Tensor4D;
    });
}

/** MDTA's `attn @ v` as an operator on v: `attn [heads, d, d]` mixes the d channels of each head. */
export function mdtaOp(attn: tf.Tensor): LinearOp {
  const [heads, d] = attn.shape;
  return (batch) =>
    tf.tidy(() => {
      const [n, C, H, W] = batch.shape;
      const P = H * W;
      const v = tf.reshape(tf.transpose(tf.reshape(batch, [n, heads, d, P]), [1, 2, 0, 3]), [
        heads,
        d,
        n * P
      ]);
      const out = tf.reshape(tf.matMul(attn, v), [heads, d, n, P]);
      return tf.reshape(tf.transpose(out, [2, 0, 1, 3]), [n, C, H, W]) as tf.Tensor4D;
    });
}

/** NAFNet SCA as an operator on x with the scale s `[C]` fixed: `x · s`, a diagonal map. */
export function scaOp(s: tf.Tensor): LinearOp {
  return (batch) => tf.tidy(() => tf.mul(batch, tf.reshape(s, [1, -1, 1, 1])) as tf.Tensor4D);
}

/** A depthwise 3×3 conv, `weight [C, 1, 3, 3]`, zero padding 1. */
export function depthwiseOp(weight: tf.Tensor): LinearOp {
  return (batch) =>
    conv2dNchw(batch, weight, null, { padding: 1, groups: batch.shape[1], name: 'depthwise' });
}

/**
 * `nn.Conv2d(C, C, 3, padding=1, groups=groups, bias=False)`: `weight [C, C/groups, 3, 3]`.
 * Each group of C/groups output channels sees (and mixes) only its own C/groups input channels.
 */
export function groupedConv(x: tf.Tensor, weight: tf.Tensor, groups: number): tf.Tensor4D {
  checkRank('x', x, 4, 'B,C,H,W');
  const [, C] = x.shape as [number, number, number, number];
  check(C % groups === 0, () => `groups=${groups} does not divide C=${C}`);
  checkRank('weight', weight, 4, 'C,C/groups,3,3');
  return tf.tidy(() => {
    const xs = tf.split(x, groups, 1);
    const ws = tf.split(weight, groups, 0);
    return tf.concat(
      xs.map((xg, g) => conv2dNchw(xg, ws[g], null, { padding: 1, name: 'grouped conv' })),
      1
    ) as tf.Tensor4D;
  });
}

export function groupedOp(weight: tf.Tensor, groups: number): LinearOp {
  return (batch) => groupedConv(batch, weight, groups);
}
