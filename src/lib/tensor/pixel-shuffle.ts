/**
 * `nn.PixelUnshuffle(r)` and `nn.PixelShuffle(r)` (PyTorch's `F.pixel_unshuffle`,
 * `F.pixel_shuffle`), the down/upsampling of Restormer (swz30/Restormer,
 * `basicsr/models/archs/restormer_arch.py`, classes `Downsample` and `Upsample`). NCHW, as in PyTorch.
 *
 * Output channel `c·r² + i·r + j` of the unshuffle holds pixel `(r·y + i, r·x + j)` of input
 * channel `c`: channel-major, then the row offset, then the column offset. Swin's PatchMerging
 * concatenates the same 4C values in another order (offset-major, see `patch.ts`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkInt, checkRank } from './check';

/**
 * `[B, C, H, W]` → `[B, C·r², H/r, W/r]`: every r×r block of a channel becomes r² channels.
 * A view, a permute and a view: no value changes.
 */
export function pixelUnshuffle(x: tf.Tensor, downscaleFactor: number): tf.Tensor4D {
  checkRank('x', x, 4, 'B,C,H,W');
  checkInt('downscale_factor', downscaleFactor);
  const r = downscaleFactor;
  const [B, C, H, W] = x.shape;
  check(
    H % r === 0 && W % r === 0,
    () =>
      `H=${H} and W=${W} must be multiples of downscale_factor=${r}: pixel_unshuffle folds ` +
      `${r}×${r} blocks into channels; pad or crop to ${Math.ceil(H / r) * r}×${Math.ceil(W / r) * r}`
  );
  return tf.tidy(() => {
    const split = tf.reshape(x, [B, C, H / r, r, W / r, r]); // @step unshuffle
    const moved = tf.transpose(split, [0, 1, 3, 5, 2, 4]); // B, C, i, j, H/r, W/r  // @step unshuffle
    return tf.reshape(moved, [B, C * r * r, H / r, W / r]) as tf.Tensor4D; // @step unshuffle
  });
}

/**
 * `[B, C·r², H, W]` → `[B, C, H·r, W·r]`: the exact inverse of {@link pixelUnshuffle}; input
 * channel `c·r² + i·r + j` goes to pixel `(r·y + i, r·x + j)` of output channel `c`.
 */
export function pixelShuffle(x: tf.Tensor, upscaleFactor: number): tf.Tensor4D {
  checkRank('x', x, 4, 'B,C·r²,H,W');
  checkInt('upscale_factor', upscaleFactor);
  const r = upscaleFactor;
  const [B, Cr2, H, W] = x.shape;
  check(
    Cr2 % (r * r) === 0,
    () =>
      `x has ${Cr2} channels, not a multiple of upscale_factor²=${r * r}: pixel_shuffle turns ` +
      `each group of ${r * r} channels into one ${r}×${r} block`
  );
  const C = Cr2 / (r * r);
  return tf.tidy(() => {
    const split = tf.reshape(x, [B, C, r, r, H, W]); // @step shuffle
    const moved = tf.transpose(split, [0, 1, 4, 2, 5, 3]); // B, C, H, i, W, j  // @step shuffle
    return tf.reshape(moved, [B, C, H * r, W * r]) as tf.Tensor4D; // @step shuffle
  });
}
