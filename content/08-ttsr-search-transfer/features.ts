/**
 * What /ttsr-search-transfer searches: the LR image and the reference, as tensors, and TTSR's five
 * feature maps built from them.
 *
 * Features: TTSR uses VGG19 relu1_1 / relu2_1 / relu3_1. Here the stand-in is the image itself,
 * centred (RGB − 0.5), average-pooled by 1, 2 and 4 for lv1, lv2 and lv3 — the mechanics are the
 * lesson, not the features.
 */
import * as tf from '@tensorflow/tfjs-core';

/** An RGB image as planar floats in [0, 1]: `data[c·H·W + y·W + x]`. */
export interface Rgb {
  width: number;
  height: number;
  data: Float32Array;
}

export interface TtsrInputs {
  lr: Rgb;
  ref: Rgb;
}

/** Stand-in features of an image `[1, 3, H, W]` at lv1, lv2, lv3: centred RGB pooled by 1, 2, 4. */
export function standInFeatures(img: tf.Tensor4D) {
  return tf.tidy(() => {
    const nhwc = tf.transpose(tf.sub(img, 0.5), [0, 2, 3, 1]) as tf.Tensor4D;
    const pool = (f: number) => (f === 1 ? nhwc : (tf.avgPool(nhwc, f, f, 'valid') as tf.Tensor4D));
    const nchw = (t: tf.Tensor4D) => tf.transpose(t, [0, 3, 1, 2]) as tf.Tensor4D;
    return { lv1: nchw(pool(1)), lv2: nchw(pool(2)), lv3: nchw(pool(4)) };
  });
}

/** Bilinear ×4 upsampling of `[1, 3, H, W]` (TTSR feeds the bicubic-upsampled LR to VGG). */
export function upsample4(img: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const [, , H, W] = img.shape;
    const nhwc = tf.transpose(img, [0, 2, 3, 1]) as tf.Tensor4D;
    const up = tf.image.resizeBilinear(nhwc, [4 * H, 4 * W], true);
    return tf.transpose(up, [0, 3, 1, 2]) as tf.Tensor4D;
  });
}

/** The five inputs of searchTransfer, built from an LR image `[1,3,h,w]` and a Ref `[1,3,4hr,4wr]`. */
export function ttsrInputs(lr: tf.Tensor4D, ref: tf.Tensor4D) {
  return tf.tidy(() => {
    const refFeat = standInFeatures(ref);
    // Ref↓↑: down to the LR scale and back up, so both sides of the search are equally blurred.
    const refDownUp = upsample4(
      tf.transpose(
        tf.avgPool(tf.transpose(ref, [0, 2, 3, 1]) as tf.Tensor4D, 4, 4, 'valid'),
        [0, 3, 1, 2]
      ) as tf.Tensor4D
    );
    return {
      lrsrLv3: standInFeatures(upsample4(lr)).lv3,
      refsrLv3: standInFeatures(refDownUp).lv3,
      refLv1: refFeat.lv1,
      refLv2: refFeat.lv2,
      refLv3: refFeat.lv3
    };
  });
}

/** An {@link Rgb} image as a `[1, 3, H, W]` tensor. */
export const toTensor = (im: Rgb) =>
  tf.tensor4d(im.data, [1, 3, im.height, im.width], 'float32') as tf.Tensor4D;
