/**
 * The attention cost read off real tensors: run the op on a seeded random image and count the
 * entries of its `attn` and the multiply-accumulates its matmuls perform. Tests and /restormer
 * compare this with the formulas of attention-cost.ts at small sizes.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { AttentionKind, Cost } from './attention-cost';
import { check, checkInt } from './check';
import { mdta } from './restormer';
import { windowPartition } from './window';
import { windowAttention } from './window-attention';
import { seededNormal } from './random';

/**
 * Run the real op on a seeded random `x` of `side × side` and read the cost off its tensors:
 * `entries = attn.size`, `macs = attn.size · (q's inner dim) + out.size · (attn's last dim)`.
 * Global attention is window attention with one window covering the image.
 */
export function measureAttentionCost(
  kind: AttentionKind,
  side: number,
  C: number,
  heads: number,
  M = 8,
  seed = 0
): Cost {
  checkInt('side', side);
  check(C % heads === 0, () => `num_heads=${heads} does not divide C=${C}`);
  return tf.tidy(() => {
    const r = (shape: number[], k: number) => seededNormal(shape, seed + k, 0, 0.5);
    if (kind === 'mdta') {
      const res = mdta(r([1, C, side, side], 0), {
        numHeads: heads,
        qkvWeight: r([3 * C, C, 1, 1], 1),
        qkvDwconvWeight: r([3 * C, 1, 3, 3], 2),
        projectOutWeight: r([C, C, 1, 1], 3),
        temperature: tf.ones([heads, 1, 1])
      });
      const dotLen = res.q.shape[3]; // q @ kᵀ sums over H·W
      const keys = res.attn.shape[3]; // attn @ v sums over C/heads
      return { entries: res.attn.size, macs: res.attn.size * dotLen + res.attnOut.size * keys };
    }
    const ws = kind === 'global' ? side : M;
    check(side % ws === 0, () => `side=${side} is not a multiple of M=${ws}`);
    const x = r([1, side, side, C], 0);
    const windows = windowPartition(x, ws);
    const res = windowAttention(tf.reshape(windows, [-1, ws * ws, C]), {
      numHeads: heads,
      windowSize: [ws, ws],
      qkvWeight: r([3 * C, C], 1),
      qkvBias: null,
      projWeight: r([C, C], 2),
      projBias: tf.zeros([C]),
      relativePositionBiasTable: r([(2 * ws - 1) * (2 * ws - 1), heads], 3)
    });
    const dotLen = res.q.shape[3]; // head_dim
    const keys = res.attn.shape[3]; // N
    return { entries: res.attn.size, macs: res.attn.size * dotLen + res.headsOut.size * keys };
  });
}
