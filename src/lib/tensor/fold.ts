/**
 * Sliding-window patches: `F.unfold` (im2col), `F.fold` (col2im), the overlap count, and TTSR's
 * block index select. tfjs has no unfold/fold, so both are one `gather` through an index table
 * built in plain JS (`fold-index.ts`): a gather only copies values, so `unfold` is exact, and
 * `fold` sums at most ⌈k/s⌉² real values per pixel (plus exact zeros) in PyTorch's own (ky, kx)
 * order.
 *
 * Mirrors PyTorch `torch.nn.functional.unfold` / `fold` (zero padding, dilation 1) and
 * researchmm/TTSR `model/SearchTransfer.py`: `SearchTransfer.bis`.
 *
 * Why not the alternatives: `tf.unsortedSegmentSum` on the cpu backend loops once per segment
 * (O(pixels × entries)); one-hot `conv2d` / `conv2dTranspose` cost k⁴ multiply-adds per patch
 * and are exact only while no value is ±Inf/NaN (0·Inf = NaN leaks into neighbours) and the
 * backend does no Winograd-style transform. Measured in Node at 1×64×40×40, k=3, p=1 (median
 * of 9): gather unfold/fold 77/89 ms on cpu, 43/49 ms on wasm; one-hot conv unfold / transposed
 * conv fold 144/52 ms on cpu, 13/15 ms on wasm; PyTorch (1 thread) 6/1.2 ms. On wasm the gather
 * is now one loop of our own over the heap (`gatherLast` in runs.ts): the same selection.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkInt, checkRank } from './check';
import { foldTable, unfoldTable } from './fold-index';
import { gatherLast } from './runs';

export interface FoldOptions {
  /** Step between patches, PyTorch `stride` (default 1). */
  stride?: number;
  /** Zeros added on every side, PyTorch `padding` (default 0). */
  padding?: number;
}

/** Largest tensor (in elements) an op here agrees to build: 2^28 float32 = 1 GiB. */
export const MAX_ELEMENTS = 2 ** 28;

/** Patch grid of a k×k window sliding over H×W: `outH = ⌊(H + 2p − k)/s⌋ + 1`, likewise outW. */
export function unfoldOutputSize(
  H: number,
  W: number,
  kernelSize: number,
  opts: FoldOptions = {}
): { outH: number; outW: number; L: number } {
  const { stride, padding } = checkFoldArgs(H, W, kernelSize, opts);
  const outH = Math.floor((H + 2 * padding - kernelSize) / stride) + 1;
  const outW = Math.floor((W + 2 * padding - kernelSize) / stride) + 1;
  return { outH, outW, L: outH * outW };
}

/**
 * `F.unfold(x, kernel_size=k, stride=s, padding=p)`: every k×k patch becomes a column.
 *
 * `[B, C, H, W] → [B, C·k·k, L]`, `L = outH·outW`, with
 * `out[b, c·k·k + ky·k + kx, oy·outW + ox] = x[b, c, oy·s + ky − p, ox·s + kx − p]`
 * (0 where that position lies in the padding). Rows are channel-major: rows 0..k²−1 are
 * channel 0, not the interleaved "k×k×C" the TTSR post's shape comment suggests.
 */
export function unfold(x: tf.Tensor, kernelSize: number, opts: FoldOptions = {}): tf.Tensor3D {
  checkRank('x', x, 4, 'B,C,H,W');
  const [B, C, H, W] = x.shape;
  const { stride, padding } = checkFoldArgs(H, W, kernelSize, opts);
  const { L } = unfoldOutputSize(H, W, kernelSize, { stride, padding });
  const kk = kernelSize * kernelSize;
  checkSize('unfold output', [B, C * kk, L]);
  const table = unfoldTable(H, W, kernelSize, stride, padding);
  return tf.tidy(() => {
    // Flatten each channel's plane and append one zero: the padding's entries point at it.
    const flat = tf.reshape(x, [B, C, H * W]);
    const withZero = tf.concat([flat, tf.zeros([B, C, 1], x.dtype)], 2);
    const picked = gatherLast(withZero, table); // [B, C, k·k·L] // @step unfold_cols unfold_rows
    return tf.reshape(picked, [B, C * kk, L]) as tf.Tensor3D;
  });
}

/**
 * `F.fold(cols, output_size=(H, W), kernel_size=k, stride=s, padding=p)`: put every column back
 * at its patch and **sum** where patches overlap; entries that land in the padding are dropped.
 *
 * `[B, C·k·k, L] → [B, C, H, W]`; `L` must equal the patch count of an (H, W) image.
 * `fold(unfold(x)) = overlapCount ⊙ x`, not x: divide by the count (or by 9 only where it is 9).
 */
export function fold(
  cols: tf.Tensor,
  outputSize: readonly [number, number],
  kernelSize: number,
  opts: FoldOptions = {}
): tf.Tensor4D {
  checkRank('cols', cols, 3, 'B,C·k·k,L');
  check(
    outputSize.length === 2,
    () => `output_size must be [H, W], got [${outputSize.join(', ')}]`
  );
  const [H, W] = outputSize;
  const { stride, padding } = checkFoldArgs(H, W, kernelSize, opts);
  const { outH, outW, L } = unfoldOutputSize(H, W, kernelSize, { stride, padding });
  const [B, CKK, Lc] = cols.shape;
  const kk = kernelSize * kernelSize;
  check(
    CKK % kk === 0,
    () =>
      `cols has ${CKK} rows, not a multiple of kernel_size² = ${kk}: rows must be C·k·k (channel-major)`
  );
  check(
    Lc === L,
    () =>
      `cols has L=${Lc} columns but kernel_size=${kernelSize}, stride=${stride}, padding=${padding} ` +
      `on output_size (${H}, ${W}) gives ${outH}×${outW} = ${L} patches`
  );
  const C = CKK / kk;
  const { table, slots } = foldTable(H, W, kernelSize, stride, padding);
  checkSize('fold gather', [B, C, H * W * slots]);
  return tf.tidy(() => {
    const flat = tf.reshape(cols, [B, C, kk * L]);
    const withZero = tf.concat([flat, tf.zeros([B, C, 1], cols.dtype)], 2);
    const picked = gatherLast(withZero, table); // [B, C, H·W·slots] // @step fold
    return tf.reshape(tf.sum(tf.reshape(picked, [B, C, H, W, slots]), -1), [
      B,
      C,
      H,
      W
    ]) as tf.Tensor4D;
  });
}

/**
 * How many patches cover each pixel: `fold(unfold(ones))` for one channel, `[H, W]` float32.
 *
 * For k=3, s=1, p=1 this is 4 in the corners, 6 on the edges and 9 inside. With some (k, s, p)
 * a pixel lies in no patch at all (e.g. k=5, s=3, p=1 on H=8: row 7 is never covered), so its
 * count is 0 and fold/count there is 0/0 = NaN; fold itself gives 0 there.
 */
export function overlapCount(
  H: number,
  W: number,
  kernelSize: number,
  opts: FoldOptions = {}
): tf.Tensor2D {
  const { stride, padding } = checkFoldArgs(H, W, kernelSize, opts);
  const { L } = unfoldOutputSize(H, W, kernelSize, { stride, padding });
  const { table, slots } = foldTable(H, W, kernelSize, stride, padding);
  const sentinel = kernelSize * kernelSize * L;
  const counts = new Float32Array(H * W);
  for (let i = 0; i < H * W; i++) {
    let n = 0;
    for (let j = 0; j < slots; j++) if (table[i * slots + j] !== sentinel) n++;
    counts[i] = n;
  }
  return tf.tensor2d(counts, [H, W], 'float32');
}

/**
 * TTSR's `bis` (block index select): `out[b, :, j] = cols[b, :, index[b, j]]`.
 *
 * `cols [B, K, L]`, `index [B, L′] int32` with values in `[0, L)` → `[B, K, L′]`.
 * The official code expands index to `[B, K, L′]` and calls `torch.gather(cols, 2, index)`;
 * a batched gather along axis 2 is the same selection without materialising the expanded index.
 */
export function blockIndexSelect(cols: tf.Tensor, index: tf.Tensor): tf.Tensor3D {
  checkRank('cols', cols, 3, 'B,K,L');
  checkRank('index', index, 2, "B,L'");
  check(index.dtype === 'int32', () => `index must be int32, got ${index.dtype}`);
  const [B, , L] = cols.shape;
  check(
    index.shape[0] === B,
    () => `index has batch ${index.shape[0]} but cols has batch ${B}: they must match`
  );
  const values = index.dataSync();
  for (let i = 0; i < values.length; i++) {
    check(
      values[i] >= 0 && values[i] < L,
      () =>
        `index value ${values[i]} at flat position ${i} is outside [0, ${L - 1}] (cols has L=${L} columns)`
    );
  }
  // Not tf.gather(cols, index, 2, 1): with batchDims it returns wrong columns for B > 1 on the
  // wasm backend (tfjs 4.22; caught by the parity tests in Chromium). Gathering rows of the
  // flattened [B·L, K] table with global indices b·L + index[b, j] is exact on every backend.
  const K = cols.shape[1] as number;
  const Lp = index.shape[1] as number;
  return tf.tidy(() => {
    const table = tf.reshape(tf.transpose(cols, [0, 2, 1]), [B * L, K]);
    const offsets = tf.tensor1d(
      Array.from({ length: B }, (_, b) => b * L),
      'int32'
    );
    const global = tf.add(index, tf.reshape(offsets, [B, 1]));
    const rows = tf.gather(table, tf.reshape(global, [-1]), 0);
    return tf.transpose(tf.reshape(rows, [B, Lp, K]), [0, 2, 1]) as tf.Tensor3D;
  });
}

// ---------------------------------------------------------------------------------------------

function checkFoldArgs(
  H: number,
  W: number,
  kernelSize: number,
  opts: FoldOptions
): { stride: number; padding: number } {
  const stride = opts.stride ?? 1;
  const padding = opts.padding ?? 0;
  checkInt('kernel_size', kernelSize);
  checkInt('stride', stride);
  checkInt('padding', padding, 0);
  checkInt('H', H);
  checkInt('W', W);
  check(
    H + 2 * padding >= kernelSize,
    () =>
      `kernel_size=${kernelSize} with padding=${padding} does not fit H=${H}: need H + 2·padding ≥ kernel_size`
  );
  check(
    W + 2 * padding >= kernelSize,
    () =>
      `kernel_size=${kernelSize} with padding=${padding} does not fit W=${W}: need W + 2·padding ≥ kernel_size`
  );
  checkSize('image', [H + 2 * padding, W + 2 * padding, kernelSize, kernelSize]);
  return { stride, padding };
}

function checkSize(what: string, shape: number[]): void {
  const n = shape.reduce((a, b) => a * b, 1);
  check(
    n <= MAX_ELEMENTS,
    () =>
      `${what} would have ${shape.join('×')} = ${n} elements, more than the ${MAX_ELEMENTS} ` +
      `(2^28) this page computes: use a smaller size`
  );
}
