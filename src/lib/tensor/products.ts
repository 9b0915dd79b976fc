/**
 * The two matrix products attention is made of — a Linear layer and a batched matmul — each in the
 * fastest exact formulation for the running backend. Same math on every backend (the golden and
 * property tests run on cpu, wasm and webgl); only the kernel that does the sums changes.
 *
 * Why (tfjs-backend-wasm 4.22, Swin stage 1, measured in headless Chromium, 1 thread): its
 * `BatchMatMul` hands only an untransposed, unbatched product to XNNPACK; everything else runs a
 * plain blocked loop. `x·Wᵀ` for 3136×96 by 288×96 took 75 ms with `transposeB`, 17 ms with W
 * transposed first, 6–9 ms as a 1×1 convolution (XNNPACK's GEMM). A batch of 192 products
 * 49×32 by 32×49 took 14–19 ms in the loop and 3–6 ms as one depthwise convolution with a channel
 * multiplier, which XNNPACK runs as a grouped GEMM (one group per product); Restormer's MDTA at
 * 2 heads, 32×32, C 96: attn·v 102–117 ms as a batched matMul, 1.3–1.9 ms so. On cpu and webgl
 * `tf.matMul` is already the fast path, so it stays.
 */
import * as tf from '@tensorflow/tfjs-core';

const onWasm = () => tf.getBackend() === 'wasm';

/**
 * PyTorch `F.linear` on rows: `x [M, in] · Wᵀ + b → [M, out]` for W in (out, in) layout.
 * On wasm: a 1×1 convolution of the M rows (as M pixels) with the filter `Wᵀ [1, 1, in, out]`, bias
 * fused. Elsewhere `matMul(x, W, false, true) + b`.
 */
export function linearRows(
  x: tf.Tensor2D,
  weight: tf.Tensor2D,
  bias: tf.Tensor | null
): tf.Tensor2D {
  return tf.tidy(() => {
    const [M, inF] = x.shape;
    const outF = weight.shape[0];
    if (onWasm()) {
      const filter = tf.reshape(tf.transpose(weight), [1, 1, inF, outF]) as tf.Tensor4D;
      const y = tf.fused.conv2d({
        x: tf.reshape(x, [1, 1, M, inF]) as tf.Tensor4D,
        filter,
        strides: 1,
        pad: 'valid',
        bias: bias ?? undefined
      });
      return tf.reshape(y, [M, outF]) as tf.Tensor2D;
    }
    const y = tf.matMul(x, weight, false, true);
    return (bias ? tf.add(y, bias) : y) as tf.Tensor2D;
  });
}

/**
 * `a @ b` (or `a @ bᵀ` with `transposeB`) over the leading axes: `a [..., I, K]`,
 * `b [..., K, J]` (`[..., J, K]` transposed) → `[..., I, J]`; a and b have the same leading axes.
 *
 * On wasm: the G = prod(leading) products as one depthwise convolution. With the product index g as
 * the channel, `a` laid out as an image `[1, I, K, G]` and `b` as a filter `[1, K, G, J]` (kernel
 * width K, channel multiplier J), the valid convolution is `out[0, i, 0, g·J + j] =
 * Σₖ a[g, i, k]·b[g, k, j]` — exactly the batched product, as `[I, G, J]`.
 */
export function batchMatMul(a: tf.Tensor, b: tf.Tensor, transposeB = false): tf.Tensor {
  const G = a.shape.slice(0, -2).reduce((p, n) => p * n, 1);
  // One untransposed product is the case tfjs-backend-wasm already hands to XNNPACK (MDTA's
  // attn·v at 1 head, 48×48 by 48×4096: 1.3–1.7 ms, against 3.3 as a depthwise conv).
  if (!onWasm() || (G === 1 && !transposeB)) return tf.matMul(a, b, false, transposeB);
  return tf.tidy(() => {
    const lead = a.shape.slice(0, -2);
    const [I, K] = a.shape.slice(-2);
    const J = transposeB ? b.shape[b.rank - 2] : b.shape[b.rank - 1];
    // [G, I·K] → [I·K, G]: the products side by side as channels.
    const image = tf.reshape(tf.transpose(tf.reshape(a, [G, I * K])), [1, I, K, G]) as tf.Tensor4D;
    const filter = transposeB
      ? tf.transpose(tf.reshape(b, [G, J, K]), [2, 0, 1]) // [G, J, K] → [K, G, J]
      : tf.transpose(tf.reshape(b, [G, K, J]), [1, 0, 2]); // [G, K, J] → [K, G, J]
    const out = tf.depthwiseConv2d(
      image,
      tf.reshape(filter, [1, K, G, J]) as tf.Tensor4D,
      1,
      'valid'
    );
    // [I, G, J] → [G, I, J]
    return tf.reshape(tf.transpose(tf.reshape(out, [I, G, J]), [1, 0, 2]), [...lead, I, J]);
  });
}

/**
 * A second handle on the same values (for a result field that repeats another): a reshape to the
 * same shape shares the data on every backend, where `tf.clone` copies it on wasm.
 */
export function alias<T extends tf.Tensor>(t: T): T {
  return tf.reshape(t, t.shape) as T;
}
