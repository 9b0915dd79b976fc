/** Numbers for the prose of /restormer, computed: the errata's block and the model's size. */
import * as tf from '@tensorflow/tfjs-core';
import { gelu } from '$lib/tensor';
import { hiddenFeatures } from './params';
import { traceRestormer } from './trace';
import { scoped } from '$lib/trace/scoped';

/**
 * Parameters of the official default `Restormer()` (dim 48, blocks [4, 6, 6, 8], 4 refinement
 * blocks, heads [1, 2, 4, 8], ffn_expansion_factor 2.66, bias=False, WithBias LayerNorm), counted
 * module by module from restormer_arch.py's layer shapes.
 */
export function restormerParameterCount(dim = 48, factor = 2.66): number {
  const block = (d: number, h: number) => {
    const hidden = hiddenFeatures(d, factor);
    const norms = 2 * (2 * d); // WithBias: weight + bias, twice
    const attn = h + 3 * d * d + 3 * d * 9 + d * d; // temperature, qkv, qkv_dwconv, project_out
    const ffn = 2 * hidden * d + 2 * hidden * 9 + d * hidden;
    return norms + attn + ffn;
  };
  const conv = (cin: number, cout: number, k: number) => cin * cout * k * k;
  const [d1, d2, d3, d4] = [dim, 2 * dim, 4 * dim, 8 * dim];
  return (
    conv(3, d1, 3) + // patch_embed
    4 * block(d1, 1) +
    conv(d1, d1 / 2, 3) + // down1_2 (conv, then PixelUnshuffle)
    6 * block(d2, 2) +
    conv(d2, d2 / 2, 3) +
    6 * block(d3, 4) +
    conv(d3, d3 / 2, 3) +
    8 * block(d4, 8) + // latent
    conv(d4, 2 * d4, 3) + // up4_3 (conv, then PixelShuffle)
    conv(d4, d3, 1) + // reduce_chan_level3
    6 * block(d3, 4) +
    conv(d3, 2 * d3, 3) +
    conv(d3, d2, 1) +
    6 * block(d2, 2) +
    conv(d2, 2 * d2, 3) +
    4 * block(d2, 1) + // decoder_level1 works at 2·dim
    4 * block(d2, 1) + // refinement
    conv(d2, 3, 3) // output
  );
}

/** Numbers for the chapter's misconception notes (the errata's case: C=8, 2 heads, 6×5), computed. */
export function restormerFacts() {
  const p = { C: 8, H: 6, W: 5, num_heads: 2, ffn_expansion_factor: 2.66, seed: 0 };
  const t = traceRestormer(p);
  const get = (step: string, name: string) =>
    t.steps.find((s) => s.id === step)!.tensors.find((v) => v.name === name)!.snap;
  const q = get('normalize', 'q'); // [1, heads, c, H·W]
  const [, heads, c, n] = q.shape;
  const overHW: number[] = [];
  const overC: number[] = [];
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < c; i++) {
      const o = (h * c + i) * n;
      overHW.push(Math.hypot(...q.data.slice(o, o + n)));
    }
    for (let j = 0; j < n; j++)
      overC.push(Math.hypot(...Array.from({ length: c }, (_, i) => q.data[(h * c + i) * n + j])));
  }
  const g = scoped(() => {
    const v = gelu(tf.tensor1d([-1, 1])).dataSync();
    const r = tf.relu(tf.tensor1d([-1, 1])).dataSync();
    return [v[0], v[1], r[0], r[1]];
  });
  const qkv = get('dwconv', 'qkv');
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`;
  return {
    attnShape: `(${get('softmax', 'attn').shape.join(', ')})`,
    pixelMap: ((p.H * p.W) ** 2).toLocaleString('en'),
    dwGroups: `${qkv.shape[1]}/${qkv.shape[1]}`,
    normHW: range(overHW),
    normC: range(overC),
    geluNeg: g[0].toFixed(4),
    geluPos: g[1].toFixed(4),
    reluNeg: String(g[2]),
    reluPos: String(g[3]),
    outShape: `(${get('project', 'out').shape.join(', ')})`,
    blockShape: `(${get('residual2', 'block_out').shape.join(', ')})`,
    params: restormerParameterCount().toLocaleString('en'),
    paramsM: (restormerParameterCount() / 1e6).toFixed(2),
    hidden48: String(hiddenFeatures(48, 2.66))
  };
}
export type RestormerFactName = keyof ReturnType<typeof restormerFacts>;
