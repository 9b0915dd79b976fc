/**
 * The independent check behind /shifted-windows: attention on the irregular regions of the
 * unshifted map, in float64 JS, with no roll and no mask. If roll + mask + roll back is right,
 * SW-MSA and this agree to float32 rounding.
 */
import type { WindowAttentionParams } from '$lib/tensor';

/** Attention weights as plain arrays (PyTorch layouts), for the independent check below. */
export interface PlainWeights {
  numHeads: number;
  qkvWeight: ArrayLike<number>;
  qkvBias: ArrayLike<number>;
  projWeight: ArrayLike<number>;
  projBias: ArrayLike<number>;
  /** `[(2ws−1)², heads]`. */
  table: ArrayLike<number>;
}

/**
 * The same attention without roll or mask, in float64 JS: every token of the *unshifted* map attends
 * to the tokens of its irregular region, cut at rows/columns shift, shift + ws, … (Swin paper, Fig. 2),
 * with the true relative offsets. `x` is `[H, W, C]` row-major; returns `[H, W, C]`.
 */
export function irregularAttention(
  x: ArrayLike<number>,
  H: number,
  W: number,
  C: number,
  w: PlainWeights,
  ws: number,
  shift: number
): { out: Float32Array; regions: number } {
  const heads = w.numHeads;
  const d = C / heads;
  const scale = d ** -0.5;
  const group = (i: number) => (i < shift ? 0 : 1 + Math.floor((i - shift) / ws));
  const qkv = new Float64Array(H * W * 3 * C);
  for (let p = 0; p < H * W; p++)
    for (let o = 0; o < 3 * C; o++) {
      let acc = w.qkvBias[o];
      for (let c = 0; c < C; c++) acc += w.qkvWeight[o * C + c] * x[p * C + c];
      qkv[p * 3 * C + o] = acc;
    }
  const regions = new Map<number, number[]>();
  for (let p = 0; p < H * W; p++) {
    const key = group(Math.floor(p / W)) * 4096 + group(p % W);
    regions.set(key, [...(regions.get(key) ?? []), p]);
  }
  const out = new Float32Array(H * W * C);
  const merged = new Float64Array(C);
  for (const members of regions.values()) {
    for (const i of members) {
      for (let h = 0; h < heads; h++) {
        const logits = members.map((j) => {
          let dot = 0;
          for (let e = 0; e < d; e++)
            dot += qkv[i * 3 * C + h * d + e] * qkv[j * 3 * C + C + h * d + e];
          const dy = Math.floor(i / W) - Math.floor(j / W);
          const dx = (i % W) - (j % W);
          return dot * scale + w.table[((dy + ws - 1) * (2 * ws - 1) + dx + ws - 1) * heads + h];
        });
        const m = Math.max(...logits);
        const e = logits.map((l) => Math.exp(l - m));
        const sum = e.reduce((a, b) => a + b, 0);
        for (let k = 0; k < d; k++)
          merged[h * d + k] = members.reduce(
            (acc, j, t) => acc + (e[t] / sum) * qkv[j * 3 * C + 2 * C + h * d + k],
            0
          );
      }
      for (let co = 0; co < C; co++) {
        let acc = w.projBias[co];
        for (let ci = 0; ci < C; ci++) acc += w.projWeight[co * C + ci] * merged[ci];
        out[i * C + co] = acc;
      }
    }
  }
  return { out, regions: regions.size };
}

/** The tfjs weights read back as plain arrays (one `dataSync` each), for {@link irregularAttention}. */
export function plainWeights(p: WindowAttentionParams): PlainWeights {
  return {
    numHeads: p.numHeads,
    qkvWeight: p.qkvWeight.dataSync(),
    qkvBias: p.qkvBias!.dataSync(),
    projWeight: p.projWeight.dataSync(),
    projBias: p.projBias.dataSync(),
    table: p.relativePositionBiasTable.dataSync()
  };
}
