/**
 * Window partition and reverse, as in SwinIR / Swin Transformer
 * (JingyunLiang/SwinIR `models/network_swinir.py`: `window_partition`, `window_reverse`,
 * `SwinIR.check_image_size`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkInt, checkRank } from './check';
import { permute } from './permute';

/**
 * Split a channels-last feature map into non-overlapping ws×ws windows.
 *
 * `[B, H, W, C] → [B·nW, ws, ws, C]` with `nW = (H/ws)·(W/ws)`, so that
 * `windows[b·nW + wy·(W/ws) + wx, dy, dx, c] = x[b, wy·ws + dy, wx·ws + dx, c]`.
 *
 * Mirrors `x.view(B, H//ws, ws, W//ws, ws, C).permute(0, 1, 3, 2, 4, 5)`: the permute brings
 * the two window-grid axes (wy, wx) next to each other so they flatten into one window index,
 * and the two in-window axes (dy, dx) next to each other so each window is a contiguous ws×ws tile.
 */
export function windowPartition(x: tf.Tensor, windowSize: number): tf.Tensor4D {
  return tf.tidy(() => windowPartitionSteps(x, windowSize).windows);
}

/**
 * {@link windowPartition} with its intermediates, for pages that show them:
 * `view6 [B, H/ws, ws, W/ws, ws, C]`, `permuted [B, H/ws, W/ws, ws, ws, C]`, `windows`.
 * Lines marked `@step` are the ones a page highlights for that step.
 */
export function windowPartitionSteps(
  x: tf.Tensor,
  windowSize: number
): { view6: tf.Tensor; permuted: tf.Tensor; windows: tf.Tensor4D } {
  checkRank('x', x, 4, 'B,H,W,C');
  checkInt('window_size', windowSize);
  const [B, H, W, C] = x.shape;
  checkWindowMultiple(H, W, windowSize);
  const ws = windowSize;
  const view6 = tf.reshape(x, [B, H / ws, ws, W / ws, ws, C]); // @step view6
  const permuted = permute(view6, [0, 1, 3, 2, 4, 5]); // @step permute
  const windows = tf.reshape(permuted, [-1, ws, ws, C]) as tf.Tensor4D; // @step flatten
  return { view6, permuted, windows };
}

/**
 * Inverse of {@link windowPartition}: `[B·nW, ws, ws, C] → [B, H, W, C]`.
 */
export function windowReverse(
  windows: tf.Tensor,
  windowSize: number,
  H: number,
  W: number
): tf.Tensor4D {
  return tf.tidy(() => windowReverseSteps(windows, windowSize, H, W).x);
}

/** {@link windowReverse} with its intermediates: `view6 [B, H/ws, W/ws, ws, ws, C]`, `permuted`, `x`. */
export function windowReverseSteps(
  windows: tf.Tensor,
  windowSize: number,
  H: number,
  W: number
): { view6: tf.Tensor; permuted: tf.Tensor; x: tf.Tensor4D } {
  checkRank('windows', windows, 4, 'B·nW,ws,ws,C');
  checkInt('window_size', windowSize);
  checkInt('H', H);
  checkInt('W', W);
  checkWindowMultiple(H, W, windowSize);
  const [BnW, wh, ww, C] = windows.shape;
  check(
    wh === windowSize && ww === windowSize,
    () => `windows must be ${windowSize}×${windowSize} tiles, got ${wh}×${ww}`
  );
  const nW = (H / windowSize) * (W / windowSize);
  check(
    BnW % nW === 0,
    () =>
      `windows has ${BnW} windows, not a multiple of nW = (${H}/${windowSize})·(${W}/${windowSize}) = ${nW}`
  );
  // B is recovered from the window count, as the official code does.
  const B = BnW / nW;
  const ws = windowSize;
  const view6 = tf.reshape(windows, [B, H / ws, W / ws, ws, ws, C]); // @step reverse
  const permuted = permute(view6, [0, 1, 3, 2, 4, 5]); // @step reverse
  const x = tf.reshape(permuted, [B, H, W, C]) as tf.Tensor4D; // @step reverse
  return { view6, permuted, x };
}

/** SwinIR's bottom/right padding amounts: `(ws − h % ws) % ws`. */
export function windowPadding(
  H: number,
  W: number,
  windowSize: number
): { modPadH: number; modPadW: number } {
  return {
    modPadH: (windowSize - (H % windowSize)) % windowSize,
    modPadW: (windowSize - (W % windowSize)) % windowSize
  };
}

/**
 * SwinIR's `check_image_size`: reflect-pad `[B, C, H, W]` at the bottom and right up to the next
 * multiple of the window, `F.pad(x, (0, mod_pad_w, 0, mod_pad_h), 'reflect')`.
 * Reflect padding needs pad < size along each axis (PyTorch raises otherwise).
 */
export function padToWindowMultiple(x: tf.Tensor, windowSize: number): tf.Tensor4D {
  checkRank('x', x, 4, 'B,C,H,W');
  checkInt('window_size', windowSize);
  const [, , H, W] = x.shape;
  const { modPadH, modPadW } = windowPadding(H, W, windowSize); // @step pad
  check(
    modPadH < H && modPadW < W,
    () =>
      `reflect padding of H=${H}, W=${W} by (${modPadH}, ${modPadW}) needs each pad smaller than its side; ` +
      `the image is too small for window_size=${windowSize}`
  );
  const paddings: [number, number][] = [
    [0, 0],
    [0, 0],
    [0, modPadH],
    [0, modPadW]
  ];
  return tf.tidy(() => tf.mirrorPad(x, paddings, 'reflect') as tf.Tensor4D); // @step pad
}

/** H and W must be multiples of the window; the message offers the SwinIR padding. */
export function checkWindowMultiple(H: number, W: number, windowSize: number): void {
  const { modPadH, modPadW } = windowPadding(H, W, windowSize);
  check(
    modPadH === 0,
    () =>
      `H=${H} is not a multiple of window_size=${windowSize}: pad to ${H + modPadH} as SwinIR does`
  );
  check(
    modPadW === 0,
    () =>
      `W=${W} is not a multiple of window_size=${windowSize}: pad to ${W + modPadW} as SwinIR does`
  );
}
