/**
 * The benchmarked computations, shared by the browser runner. Each case builds its inputs once
 * (seeded), then `run()` does the work and returns the output tensor (awaited with data()).
 * Mirrors scripts/bench/torch_bench.py case by case.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  fold,
  roll,
  shiftedWindowMask,
  swinBlock,
  unfold,
  windowAttention,
  windowPartition,
  windowReverse
} from '$lib/tensor';

export interface BenchCase {
  name: string;
  /** The ONNX export of the same computation (scripts/bench/swin_onnx.py), if there is one. */
  onnx?: string;
  setup: () => { run: () => tf.Tensor; dispose: () => void };
}

const rnd = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 0.2, 'float32', seed);

function swinParams(C: number, heads: number, ws: number, shift: number) {
  return {
    numHeads: heads,
    windowSize: ws,
    shiftSize: shift,
    norm1Weight: tf.ones([C]),
    norm1Bias: tf.zeros([C]),
    qkvWeight: rnd([3 * C, C], 1),
    qkvBias: rnd([3 * C], 2),
    projWeight: rnd([C, C], 3),
    projBias: rnd([C], 4),
    relativePositionBiasTable: rnd([(2 * ws - 1) ** 2, heads], 5),
    norm2Weight: tf.ones([C]),
    norm2Bias: tf.zeros([C]),
    fc1Weight: rnd([4 * C, C], 6),
    fc1Bias: rnd([4 * C], 7),
    fc2Weight: rnd([C, 4 * C], 8),
    fc2Bias: rnd([C], 9)
  };
}

/** roll(−s) → partition → masked window attention → reverse → roll(+s): SW-MSA without LN/MLP. */
function shiftedWindowAttention(
  B: number,
  H: number,
  W: number,
  C: number,
  ws: number,
  s: number,
  heads: number
): BenchCase {
  return {
    name: `sw-msa ${B}×${H}×${W}×${C} ws${ws} s${s} h${heads}`,
    onnx: H === 56 ? 'sw_msa' : undefined,
    setup: () => {
      const x = rnd([B, H, W, C], 10);
      const p = swinParams(C, heads, ws, s);
      const mask = shiftedWindowMask(H, W, ws, s);
      const attnParams = { ...p, windowSize: [ws, ws] as [number, number] };
      return {
        run: () =>
          tf.tidy(() => {
            const shifted = roll(x, [-s, -s], [1, 2]);
            const windows = tf.reshape(windowPartition(shifted, ws), [-1, ws * ws, C]);
            const { out } = windowAttention(windows, attnParams, mask.attnMask);
            const back = windowReverse(tf.reshape(out, [-1, ws, ws, C]), ws, H, W);
            return roll(back, [s, s], [1, 2]);
          }),
        dispose: () => tf.dispose([x, mask, p as unknown as tf.Tensor[]] as tf.TensorContainer)
      };
    }
  };
}

function partition(B: number, H: number, W: number, C: number, ws: number): BenchCase {
  return {
    name: `partition ${B}×${H}×${W}×${C} ws${ws}`,
    setup: () => {
      const x = rnd([B, H, W, C], 11);
      return { run: () => windowPartition(x, ws), dispose: () => x.dispose() };
    }
  };
}

function block(
  B: number,
  H: number,
  W: number,
  C: number,
  ws: number,
  s: number,
  heads: number
): BenchCase {
  return {
    name: `swin block ${B}×${H}×${W}×${C} ws${ws} s${s} h${heads}`,
    onnx: H === 56 ? 'swin_block' : undefined,
    setup: () => {
      const x = rnd([B, H * W, C], 12);
      const p = swinParams(C, heads, ws, s);
      return {
        run: () =>
          tf.tidy(() => {
            const r = swinBlock(x, H, W, p);
            return tf.clone(r.out);
          }),
        dispose: () => tf.dispose([x, p as unknown as tf.Tensor[]] as tf.TensorContainer)
      };
    }
  };
}

function unfoldFold(B: number, C: number, H: number, W: number, k: number): BenchCase {
  return {
    name: `unfold+fold ${B}×${C}×${H}×${W} k${k} s1 p1`,
    setup: () => {
      const x = rnd([B, C, H, W], 13);
      const opts = { stride: 1, padding: 1 };
      return {
        run: () => tf.tidy(() => fold(unfold(x, k, opts), [H, W], k, opts)),
        dispose: () => x.dispose()
      };
    }
  };
}

export const cases: BenchCase[] = [
  partition(1, 8, 8, 2, 4), // /window-partition default
  partition(1, 56, 56, 96, 7), // Swin stage 1
  shiftedWindowAttention(1, 9, 9, 4, 3, 1, 2), // /shifted-windows grid (9×9, ws 3, shift 1), C 4, 2 heads
  shiftedWindowAttention(1, 56, 56, 96, 7, 3, 3), // Swin stage 1
  block(1, 56, 56, 96, 7, 3, 3),
  unfoldFold(1, 64, 40, 40, 3)
];
