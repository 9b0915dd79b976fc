/**
 * Image quality against the clean image, as the denoising papers report it. Pure, no tfjs.
 * Images are planar `[C, H, W]` float arrays on the 0–1 scale.
 */

const clip = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** PSNR in dB of values clipped to [0, 1], MAX = 1, over all pixels and channels (∞ when equal). */
export function psnr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`psnr: ${a.length} values against ${b.length}`);
  let se = 0;
  for (let i = 0; i < a.length; i++) {
    const d = clip(a[i]) - clip(b[i]);
    se += d * d;
  }
  return 10 * Math.log10(1 / (se / a.length));
}

/** The 11-tap Gaussian (σ = 1.5) of Wang et al. 2004, normalised to sum 1. */
function gaussian(size = 11, sigma = 1.5): Float64Array {
  const g = new Float64Array(size);
  const r = (size - 1) / 2;
  let s = 0;
  for (let i = 0; i < size; i++) s += g[i] = Math.exp(-((i - r) ** 2) / (2 * sigma * sigma));
  return g.map((v) => v / s);
}

/** Separable 'valid' filtering of one H×W plane. */
function blur(p: Float64Array, H: number, W: number, g: Float64Array): Float64Array {
  const k = g.length;
  const Wv = W - k + 1;
  const Hv = H - k + 1;
  const rows = new Float64Array(H * Wv);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < Wv; x++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += g[i] * p[y * W + x + i];
      rows[y * Wv + x] = s;
    }
  const out = new Float64Array(Hv * Wv);
  for (let y = 0; y < Hv; y++)
    for (let x = 0; x < Wv; x++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += g[i] * rows[(y + i) * Wv + x];
      out[y * Wv + x] = s;
    }
  return out;
}

/**
 * SSIM (Wang et al. 2004; the form of skimage's `structural_similarity` with `gaussian_weights=True`,
 * σ 1.5, `use_sample_covariance=False`, data_range 1) of values clipped to [0, 1]: the mean SSIM map
 * over the valid 11×11 positions, averaged over channels. Images smaller than 11 pixels use a window
 * as large as they are.
 */
export function ssim(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  C: number,
  H: number,
  W: number
): number {
  if (a.length !== C * H * W || b.length !== C * H * W)
    throw new Error(`ssim: expected ${C}·${H}·${W} values`);
  const size = Math.min(11, H, W);
  const g = gaussian(size, 1.5);
  const c1 = 0.01 ** 2;
  const c2 = 0.03 ** 2;
  const n = H * W;
  let total = 0;
  for (let c = 0; c < C; c++) {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = clip(a[c * n + i]);
      y[i] = clip(b[c * n + i]);
    }
    const mx = blur(x, H, W, g);
    const my = blur(y, H, W, g);
    const xx = blur(
      x.map((v) => v * v),
      H,
      W,
      g
    );
    const yy = blur(
      y.map((v) => v * v),
      H,
      W,
      g
    );
    const xy = blur(
      x.map((v, i) => v * y[i]),
      H,
      W,
      g
    );
    let s = 0;
    for (let i = 0; i < mx.length; i++) {
      const vx = xx[i] - mx[i] * mx[i];
      const vy = yy[i] - my[i] * my[i];
      const cov = xy[i] - mx[i] * my[i];
      s +=
        ((2 * mx[i] * my[i] + c1) * (2 * cov + c2)) /
        ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
    }
    total += s / mx.length;
  }
  return total / C;
}
