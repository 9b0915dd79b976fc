/**
 * PyTorch's `nn.Conv2d` on NCHW tensors, for the blocks that mirror official PyTorch code
 * (Restormer, NAFNet, the heads-vs-convolution operators). Weights stay in PyTorch conv layout
 * `[out, in/groups, kh, kw]`; tfjs convolutions are NHWC with filters `[kh, kw, in, out]`
 * (depthwise: `[kh, kw, in, mult]`), so {@link conv2dNchw} transposes in, convolves, and
 * transposes back.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkRank, checkShape } from './check';

/**
 * `nn.Conv2d(in, out, k, padding=padding, groups=groups)(x)` with PyTorch tensors:
 * `x [B, in, H, W]`, `weight [out, in/groups, k, k]`, `bias [out] | null` → `[B, out, H′, W′]`.
 * Supports the two cases these blocks use: `groups = 1` (dense) and `groups = in = out`
 * (depthwise).
 */
export function conv2dNchw(
  x: tf.Tensor,
  weight: tf.Tensor,
  bias: tf.Tensor | null | undefined,
  opts: { padding?: number; groups?: number; name?: string } = {}
): tf.Tensor4D {
  const { padding = 0, groups = 1, name = 'conv' } = opts;
  checkRank(`${name} input`, x, 4, 'B,C,H,W');
  checkRank(`${name} weight`, weight, 4, 'out,in/groups,kh,kw');
  const [, Cin] = x.shape;
  const [Cout, perGroup, kh, kw] = weight.shape;
  check(
    groups === 1 || (groups === Cin && groups === Cout && perGroup === 1),
    () =>
      `${name}: only groups=1 or depthwise (groups = in = out) is supported, got groups=${groups}`
  );
  check(
    perGroup * groups === Cin,
    () =>
      `${name} weight [${weight.shape.join(', ')}] expects ${perGroup * groups} input channels ` +
      `(in/groups · groups), but x has C=${Cin}`
  );
  check(kh === kw, () => `${name}: square kernels only, got ${kh}×${kw}`);
  if (bias) checkShape(`${name} bias`, bias, [Cout], 'out');
  return tf.tidy(() => {
    const nhwc = tf.transpose(x, [0, 2, 3, 1]) as tf.Tensor4D;
    let y: tf.Tensor4D;
    if (groups === 1) {
      // [out, in, kh, kw] → [kh, kw, in, out]
      const filter = tf.transpose(weight, [2, 3, 1, 0]) as tf.Tensor4D;
      y = tf.conv2d(nhwc, filter, 1, padding);
    } else {
      // [C, 1, kh, kw] → [kh, kw, C, 1] (channel multiplier 1)
      const filter = tf.transpose(weight, [2, 3, 0, 1]) as tf.Tensor4D;
      y = tf.depthwiseConv2d(nhwc, filter, 1, padding);
    }
    if (bias) y = tf.add(y, bias);
    return tf.transpose(y, [0, 3, 1, 2]) as tf.Tensor4D;
  });
}
