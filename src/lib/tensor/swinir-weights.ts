/**
 * SwinIR's constructor arguments and its weights by their official `state_dict` names
 * (JingyunLiang/SwinIR `models/network_swinir.py`; our rewrite scripts/train/swinir.py lists them).
 */
import * as tf from '@tensorflow/tfjs-core';
import { check } from './check';
import type { SafeTensorsFile } from './safetensors';
import type { SwinBlockParams } from './swin-block';

/** The official `SwinIR(...)` keyword arguments this port supports (denoising: upscale 1). */
export interface SwinIRArgs {
  img_size: number;
  in_chans: number;
  embed_dim: number;
  depths: number[];
  num_heads: number[];
  window_size: number;
  mlp_ratio: number;
  img_range: number;
  upscale: number;
  upsampler: string;
  resi_connection: string;
}

const isWhole = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;

/** Validates SwinIR arguments (e.g. a sidecar's `args` or a safetensors `__metadata__.args`). */
export function swinirArgs(raw: unknown): SwinIRArgs {
  const a = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Partial<SwinIRArgs>;
  check(typeof a === 'object' && a !== null, 'SwinIR args must be an object');
  for (const k of ['img_size', 'in_chans', 'embed_dim', 'window_size'] as const)
    check(isWhole(a[k]), () => `SwinIR args: ${k} must be a whole number ≥ 1, got ${a[k]}`);
  check(
    Array.isArray(a.depths) && a.depths.length > 0 && a.depths.every(isWhole),
    'SwinIR args: depths must be a list of whole numbers'
  );
  check(
    Array.isArray(a.num_heads) && a.num_heads.length === a.depths.length,
    'SwinIR args: num_heads needs one entry per RSTB (as many as depths)'
  );
  check(
    a.num_heads.every((h) => isWhole(h) && a.embed_dim! % h === 0),
    () => `SwinIR args: every num_heads must divide embed_dim=${a.embed_dim}`
  );
  check(
    (a.upscale ?? 1) === 1 &&
      (a.upsampler ?? '') === '' &&
      (a.resi_connection ?? '1conv') === '1conv',
    'only denoising SwinIR is supported: upscale 1, upsampler "", resi_connection "1conv"'
  );
  return {
    img_size: a.img_size!,
    in_chans: a.in_chans!,
    embed_dim: a.embed_dim!,
    depths: [...a.depths],
    num_heads: [...a.num_heads],
    window_size: a.window_size!,
    mlp_ratio: a.mlp_ratio ?? 4,
    img_range: a.img_range ?? 1,
    upscale: 1,
    upsampler: '',
    resi_connection: '1conv'
  };
}

/** Tensors for every entry of a safetensors file (float32; int64 buffers as int32). Caller disposes. */
export function swinirWeights(file: SafeTensorsFile): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  for (const [k, t] of Object.entries(file.tensors)) out[k] = tf.tensor(t.data, t.shape, t.dtype);
  return out;
}

/** The names `SwinIR(args).state_dict()` must hold (the buffers are optional: recomputed here). */
export function swinirWeightNames(args: SwinIRArgs): string[] {
  const lin = (p: string) => [`${p}.weight`, `${p}.bias`];
  const names = [...lin('conv_first'), ...lin('patch_embed.norm')];
  args.depths.forEach((depth, i) => {
    for (let j = 0; j < depth; j++) {
      const b = `layers.${i}.residual_group.blocks.${j}`;
      names.push(
        ...lin(`${b}.norm1`),
        `${b}.attn.relative_position_bias_table`,
        ...lin(`${b}.attn.qkv`),
        ...lin(`${b}.attn.proj`),
        ...lin(`${b}.norm2`),
        ...lin(`${b}.mlp.fc1`),
        ...lin(`${b}.mlp.fc2`)
      );
    }
    names.push(...lin(`layers.${i}.conv`));
  });
  names.push(...lin('norm'), ...lin('conv_after_body'), ...lin('conv_last'));
  return names;
}

export function checkSwinIRWeights(weights: Record<string, tf.Tensor>, args: SwinIRArgs): void {
  const missing = swinirWeightNames(args).filter((k) => !(k in weights));
  check(
    missing.length === 0,
    () =>
      `the weights do not fit SwinIR(${JSON.stringify(args.depths)} depths): missing ` +
      missing.slice(0, 3).join(', ') +
      (missing.length > 3 ? ` and ${missing.length - 3} more` : '')
  );
  const first = weights['conv_first.weight'];
  check(
    first.shape.join(',') === [args.embed_dim, args.in_chans, 3, 3].join(','),
    () =>
      `conv_first.weight is [${first.shape.join(', ')}], but embed_dim=${args.embed_dim}, ` +
      `in_chans=${args.in_chans} needs [${args.embed_dim}, ${args.in_chans}, 3, 3]`
  );
}

/** Block j of RSTB i as `swinBlock` parameters: shift 0 for even j, ws/2 for odd j (`BasicLayer`). */
export function swinirBlockParams(
  weights: Record<string, tf.Tensor>,
  args: SwinIRArgs,
  i: number,
  j: number
): SwinBlockParams {
  const b = `layers.${i}.residual_group.blocks.${j}`;
  const w = (k: string) => weights[`${b}.${k}`];
  return {
    numHeads: args.num_heads[i],
    windowSize: args.window_size,
    shiftSize: j % 2 === 0 ? 0 : Math.floor(args.window_size / 2),
    // The clamp is decided on the size the block was built for (img_size), as in the official
    // __init__; the mask is built for the padded size the block runs on.
    inputResolution: [args.img_size, args.img_size],
    norm1Weight: w('norm1.weight'),
    norm1Bias: w('norm1.bias'),
    qkvWeight: w('attn.qkv.weight'),
    qkvBias: w('attn.qkv.bias'),
    projWeight: w('attn.proj.weight'),
    projBias: w('attn.proj.bias'),
    relativePositionBiasTable: w('attn.relative_position_bias_table'),
    norm2Weight: w('norm2.weight'),
    norm2Bias: w('norm2.bias'),
    fc1Weight: w('mlp.fc1.weight'),
    fc1Bias: w('mlp.fc1.bias'),
    fc2Weight: w('mlp.fc2.weight'),
    fc2Bias: w('mlp.fc2.bias')
  };
}
