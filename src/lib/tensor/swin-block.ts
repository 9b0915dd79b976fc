/**
 * One Swin Transformer block: LN → (shifted) window attention → residual → LN → MLP → residual, as
 * `SwinTransformerBlock` in microsoft/Swin-Transformer `models/swin_transformer.py` (`__init__` for the
 * clamp and the mask, `forward` for the data path) and JingyunLiang/SwinIR `models/network_swinir.py`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkInt, checkRank, checkShape } from './check';
import { gelu } from './gelu';
import { layerNorm } from './layer-norm';
import { alias } from './products';
import { roll } from './roll';
import { shiftedWindowMask } from './shift';
import {
  checkHeadsDivide,
  linear,
  windowAttention,
  type WindowAttentionResult
} from './window-attention';
import { checkWindowMultiple, windowPartition, windowReverse } from './window';

export interface SwinBlockParams {
  numHeads: number;
  /** Requested window size; clamped to min(H, W) when min(H, W) ≤ windowSize (see `inputResolution`). */
  windowSize: number;
  /** Requested shift; 0 is W-MSA, > 0 is SW-MSA. Forced to 0 by the clamp. */
  shiftSize: number;
  /** `[C]` each: `norm1` (eps 1e-5). */
  norm1Weight: tf.Tensor;
  norm1Bias: tf.Tensor;
  /** `[3C, C]`, `[3C]` or null. */
  qkvWeight: tf.Tensor;
  qkvBias: tf.Tensor | null;
  /** `[C, C]`, `[C]`. */
  projWeight: tf.Tensor;
  projBias: tf.Tensor;
  /** `[(2ws′−1)², numHeads]` for the effective (clamped) window ws′. */
  relativePositionBiasTable: tf.Tensor;
  /** `[C]` each: `norm2` (eps 1e-5). */
  norm2Weight: tf.Tensor;
  norm2Bias: tf.Tensor;
  /** `[hidden, C]`, `[hidden]`: `mlp.fc1`; hidden comes from this weight. */
  fc1Weight: tf.Tensor;
  fc1Bias: tf.Tensor;
  /** `[C, hidden]`, `[C]`: `mlp.fc2`. */
  fc2Weight: tf.Tensor;
  fc2Bias: tf.Tensor;
  /**
   * `[H, W]` the block was built for (`input_resolution`); defaults to the (H, W) it runs on, as in
   * Swin. The clamp is decided on it, while the mask is built for the actual (H, W): SwinIR at
   * inference builds the block for the training size and runs it on the padded image.
   */
  inputResolution?: readonly [number, number];
}

export type SwinBlockResult = {
  /** The window size and shift actually used, after the official clamp. */
  windowSize: number;
  shiftSize: number;
  /** `[B, H, W, C]`: `norm1(x).view(B, H, W, C)`. */
  xNorm1: tf.Tensor4D;
  /** `[B, H, W, C]`: rolled by (−shift, −shift) on (H, W); a copy of `xNorm1` when shift = 0. */
  shifted: tf.Tensor4D;
  /** `[B·nW, ws, ws, C]`: `window_partition(shifted)`; viewed as `[B·nW, N, C]` for attention. */
  windows: tf.Tensor4D;
  /**
   * `[nW, N, N]` (0 / −100), or undefined when shift = 0 (no mask, as in the official code).
   * Undefined rather than null so the whole result stays a tfjs `TensorContainer` for `tf.dispose`.
   */
  attnMask: tf.Tensor3D | undefined;
  /** Every intermediate of the window attention (`attention.attn` is `[B·nW, heads, N, N]`). */
  attention: WindowAttentionResult;
  /** `[B·nW, heads, N, N]`: the attention weights (the same values as `attention.attn`). */
  attn: tf.Tensor4D;
  /** `[B·nW, ws, ws, C]`: the attention output viewed back as tiles. */
  attnWindows: tf.Tensor4D;
  /** `[B, H, W, C]`: `window_reverse(attnWindows)`, still in shifted coordinates. */
  reversed: tf.Tensor4D;
  /** `[B, H, W, C]`: rolled back by (+shift, +shift). */
  unshifted: tf.Tensor4D;
  /** `[B, H·W, C]`: `shortcut + unshifted.view(B, H·W, C)` (first residual). */
  x1: tf.Tensor3D;
  /** `[B, H·W, C]`: `norm2(x1)`. */
  xNorm2: tf.Tensor3D;
  /** `[B, H·W, hidden]`: `fc1(xNorm2)` and after exact GELU. */
  hidden: tf.Tensor3D;
  hiddenAct: tf.Tensor3D;
  /** `[B, H·W, C]`: `fc2(hiddenAct)`. */
  mlpOut: tf.Tensor3D;
  /** `[B, H·W, C]`: `x1 + mlpOut`. */
  out: tf.Tensor3D;
};

/**
 * The official clamp (`SwinTransformerBlock.__init__`): if min(input_resolution) ≤ window_size, the
 * window becomes min(input_resolution) and the shift 0. `inputResolution` defaults to `[H, W]`.
 */
export function effectiveWindow(
  H: number,
  W: number,
  windowSize: number,
  shiftSize: number,
  inputResolution: readonly [number, number] = [H, W]
): { windowSize: number; shiftSize: number } {
  const short = Math.min(...inputResolution);
  return short <= windowSize ? { windowSize: short, shiftSize: 0 } : { windowSize, shiftSize };
}

/**
 * `x [B, H·W, C]` → `out [B, H·W, C]` with every intermediate. H and W must be multiples of the
 * effective window (for SwinIR, pad with `padToWindowMultiple` first and pass the padded size: the
 * mask is built for it). Dropout and drop-path are identity (inference).
 */
export function swinBlock(x: tf.Tensor, H: number, W: number, p: SwinBlockParams): SwinBlockResult {
  checkRank('x', x, 3, 'B,H·W,C');
  checkInt('H', H);
  checkInt('W', W);
  checkInt('num_heads', p.numHeads);
  checkInt('window_size', p.windowSize);
  checkInt('shift_size', p.shiftSize, 0);
  const [B, L, C] = x.shape;
  checkHeadsDivide(p.numHeads, C);
  check(L === H * W, () => `x has ${L} tokens but H·W = ${H}·${W} = ${H * W}`);
  check(
    p.shiftSize < p.windowSize,
    () =>
      `shift_size=${p.shiftSize} must be smaller than window_size=${p.windowSize} (0 ≤ shift_size < window_size)`
  );
  const res = p.inputResolution ?? ([H, W] as const);
  check(
    Array.isArray(res) && res.length === 2 && res.every((v) => Number.isInteger(v) && v >= 1),
    () => `input_resolution must be a pair of whole numbers [H, W], got ${JSON.stringify(res)}`
  );
  const { windowSize: ws, shiftSize: shift } = effectiveWindow(
    H,
    W,
    p.windowSize,
    p.shiftSize,
    res
  );
  const clamped = ws !== p.windowSize;
  checkWindowMultiple(H, W, ws);
  const rows = (2 * ws - 1) ** 2;
  check(
    p.relativePositionBiasTable.rank === 2 && p.relativePositionBiasTable.shape[0] === rows,
    () =>
      `relative_position_bias_table must have (2·${ws}−1)² = ${rows} rows for the effective ` +
      `window_size=${ws}` +
      (clamped
        ? ` (clamped from ${p.windowSize} because min(input_resolution) = ${Math.min(...res)} ≤ ${p.windowSize})`
        : '') +
      `, got shape [${p.relativePositionBiasTable.shape.join(', ')}]`
  );
  checkShape('norm1.weight', p.norm1Weight, [C], 'C');
  checkShape('norm1.bias', p.norm1Bias, [C], 'C');
  checkShape('norm2.weight', p.norm2Weight, [C], 'C');
  checkShape('norm2.bias', p.norm2Bias, [C], 'C');
  checkRank('mlp.fc1.weight', p.fc1Weight, 2, 'hidden,C');
  const hidden = p.fc1Weight.shape[0];
  checkShape('mlp.fc1.weight', p.fc1Weight, [hidden, C], 'hidden,C');
  checkShape('mlp.fc1.bias', p.fc1Bias, [hidden], 'hidden');
  checkShape('mlp.fc2.weight', p.fc2Weight, [C, hidden], 'C,hidden');
  checkShape('mlp.fc2.bias', p.fc2Bias, [C], 'C');
  const N = ws * ws;

  return tf.tidy(() => {
    const xNorm1 = tf.reshape(layerNorm(x, p.norm1Weight, p.norm1Bias, 1e-5), [
      B,
      H,
      W,
      C
    ]) as tf.Tensor4D;
    const shifted = shift > 0 ? roll(xNorm1, [-shift, -shift], [1, 2]) : alias(xNorm1);
    const windows = windowPartition(shifted, ws);
    const mask = shift > 0 ? shiftedWindowMask(H, W, ws, shift) : null;
    const attnMask = mask ? mask.attnMask : undefined;
    const attention = windowAttention(
      tf.reshape(windows, [-1, N, C]),
      {
        numHeads: p.numHeads,
        windowSize: [ws, ws],
        qkvWeight: p.qkvWeight,
        qkvBias: p.qkvBias,
        projWeight: p.projWeight,
        projBias: p.projBias,
        relativePositionBiasTable: p.relativePositionBiasTable
      },
      attnMask
    );
    const attnWindows = tf.reshape(attention.out, [-1, ws, ws, C]) as tf.Tensor4D;
    const reversed = windowReverse(attnWindows, ws, H, W);
    const unshifted = shift > 0 ? roll(reversed, [shift, shift], [1, 2]) : alias(reversed);
    const x1 = tf.add(x, tf.reshape(unshifted, [B, L, C])) as tf.Tensor3D;
    const xNorm2 = layerNorm(x1, p.norm2Weight, p.norm2Bias, 1e-5) as tf.Tensor3D;
    const hiddenT = linear(xNorm2, p.fc1Weight, p.fc1Bias) as tf.Tensor3D;
    const hiddenAct = gelu(hiddenT) as tf.Tensor3D;
    const mlpOut = linear(hiddenAct, p.fc2Weight, p.fc2Bias) as tf.Tensor3D;
    const out = tf.add(x1, mlpOut) as tf.Tensor3D;
    const result: SwinBlockResult = {
      windowSize: ws,
      shiftSize: shift,
      xNorm1,
      shifted,
      windows,
      attnMask,
      attention,
      attn: alias(attention.attn),
      attnWindows,
      reversed,
      unshifted,
      x1,
      xNorm2,
      hidden: hiddenT,
      hiddenAct,
      mlpOut,
      out
    };
    return result;
  });
}
