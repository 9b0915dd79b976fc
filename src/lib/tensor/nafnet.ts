/**
 * NAFNet's simplified building blocks, mirroring megvii-research/NAFNet
 * `basicsr/models/archs/NAFNet_arch.py` (`SimpleGate`, the `sca` branch of `NAFBlock`) and
 * `basicsr/models/archs/arch_util.py` (`LayerNorm2d`), https://github.com/megvii-research/NAFNet.
 *
 * SCA is a per-channel rescaling `x · s(x)`, a diagonal map; Restormer's MDTA instead mixes
 * the channels of v through a softmax matrix. NAFNet replaces one with the other because it is
 * cheaper, not because they are equivalent.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkRank, checkShape } from './check';
import { channelNorm, conv2dNchw } from './restormer';

/**
 * `SimpleGate`: `x1, x2 = x.chunk(2, dim=1); x1 · x2`. `[B, C, H, W] → [B, C/2, H, W]`, C even.
 * A GELU-free gate: the product of two halves is itself the nonlinearity.
 */
export function simpleGate(x: tf.Tensor): tf.Tensor4D {
  checkRank('x', x, 4, 'B,C,H,W');
  const [, C] = x.shape;
  check(C % 2 === 0, () => `SimpleGate splits C in two halves, but C=${C} is odd`);
  return tf.tidy(() => {
    const [x1, x2] = tf.split(x, 2, 1); // @step sca
    return tf.mul(x1, x2) as tf.Tensor4D; // @step sca
  });
}

/** `sca = Sequential(AdaptiveAvgPool2d(1), Conv2d(C, C, 1, bias=True))`, PyTorch layouts. */
export interface ScaParams {
  /** `sca.1.weight` `[C, C, 1, 1]`. */
  weight: tf.Tensor;
  /** `sca.1.bias` `[C]`. */
  bias: tf.Tensor;
}

export type ScaResult = {
  /** `AdaptiveAvgPool2d(1)(x)`, the per-channel mean: `[B, C, 1, 1]`. */
  pooled: tf.Tensor4D;
  /** `conv1x1(pooled)`: the per-channel scale `s = W·GAP(x) + b`, `[B, C, 1, 1]`. */
  s: tf.Tensor4D;
  /** `x * s`, broadcast over H, W: `[B, C, H, W]`. */
  out: tf.Tensor4D;
};

/**
 * Simplified Channel Attention, `x = x * self.sca(x)` in `NAFBlock.forward`:
 * `[B, C, H, W] → [B, C, H, W]`. (In NAFBlock C is `dw_channel // 2`, after the SimpleGate.)
 */
export function sca(x: tf.Tensor, p: ScaParams): ScaResult {
  checkRank('x', x, 4, 'B,C,H,W');
  const [, C] = x.shape;
  checkShape('sca weight', p.weight, [C, C, 1, 1], 'C,C,1,1');
  checkShape('sca bias', p.bias, [C], 'C');
  return tf.tidy(() => {
    const pooled = tf.mean(x, [2, 3], true) as tf.Tensor4D; // @step sca
    const s = conv2dNchw(pooled, p.weight, p.bias, { name: 'sca' }); // @step sca
    const out = tf.mul(x, s) as tf.Tensor4D; // @step sca
    return { pooled, s, out };
  });
}

/**
 * NAFNet's `LayerNorm2d`: normalise over C at every pixel of `[B, C, H, W]`,
 * `(x − μ)/√(σ² + eps)·weight + bias` with the biased variance and eps 1e-6
 * (Restormer's channel LayerNorm uses 1e-5). `weight`, `bias`: `[C]`.
 */
export function layerNorm2d(
  x: tf.Tensor,
  weight: tf.Tensor,
  bias: tf.Tensor,
  eps = 1e-6
): tf.Tensor4D {
  checkRank('x', x, 4, 'B,C,H,W');
  const [, C] = x.shape;
  checkShape('LayerNorm2d weight', weight, [C], 'C, the channels of x');
  checkShape('LayerNorm2d bias', bias, [C], 'C, the channels of x');
  check(eps > 0, () => `eps must be > 0, got ${eps}`);
  return channelNorm(x, weight, bias, eps, true);
}
