/**
 * The whole denoising SwinIR (upscale 1, no upsampler, resi_connection '1conv'), as `SwinIR.forward`
 * with `forward_features` and `RSTB` in JingyunLiang/SwinIR `models/network_swinir.py`; our PyTorch
 * rewrite of the same is scripts/train/swinir.py. Weights are keyed by the official `state_dict` names.
 *
 * `x [1, C, H, W]` → `out [1, C, H, W]`:
 * mean subtraction (× img_range) → reflect pad (bottom/right) to a multiple of window_size →
 * conv_first → patch_embed (flatten + LayerNorm) → RSTBs (Swin blocks with shift 0, ws/2, 0, …, then
 * a 3×3 conv and the RSTB's input) → norm → patch_unembed → conv_after_body + conv_first's output →
 * conv_last + the (mean-subtracted) input → ÷ img_range + mean → crop to H × W.
 */
import * as tf from '@tensorflow/tfjs-core';
import { check, checkRank } from './check';
import { layerNorm } from './layer-norm';
import { swinBlock } from './swin-block';
import { padToWindowMultiple } from './window';
import { type SwinIRArgs, checkSwinIRWeights, swinirBlockParams } from './swinir-weights';

export { type SwinIRArgs, swinirArgs, swinirWeights } from './swinir-weights';

/** The DIV2K RGB mean SwinIR subtracts from 3-channel input (`self.mean`). */
export const RGB_MEAN = [0.4488, 0.4371, 0.404] as const;

/** One Swin block's attention for one query pixel, read during the forward pass. */
export interface BlockAttention {
  layer: number;
  block: number;
  /** The window size and shift the block used (after the official clamp). */
  windowSize: number;
  shiftSize: number;
  /** `[heads, N]` row-major: softmax weights of the query token over the keys of its window (N = ws²). */
  weights: Float32Array;
  heads: number;
  /** `[N, 2]`: (y, x) of each key in the padded image (the roll undone), in key order. */
  keys: Int32Array;
  /** The query's token index inside its window (in the rolled map) and the window's index. */
  token: number;
  window: number;
}

export interface SwinIROptions {
  /** A pixel (y, x) of the input: return every block's attention for it as query. */
  attentionAt?: readonly [number, number];
  /** Called after each Swin block with (blocks done, blocks in all): a worker's progress report. */
  onProgress?: (done: number, total: number) => void;
}

export interface SwinIRResult {
  /** `[1, C, H, W]`. The caller disposes it. */
  out: tf.Tensor4D;
  /** Padded size the Swin blocks ran on. */
  padded: [number, number];
  /** One entry per Swin block, in order, when `attentionAt` was given. */
  attention: BlockAttention[];
}

/**
 * A 3×3 `nn.Conv2d(padding=1)` on a channels-last map. SwinIR's tokens `[1, H·W, C]` are already a
 * `[1, H, W, C]` map in memory (PatchEmbed is flatten + transpose of NCHW), so the RSTB and body
 * convolutions run in NHWC on a reshape of the tokens: no transpose of the feature map at all, only
 * of the small weight, PyTorch `[out, in, kh, kw]` → tfjs `[kh, kw, in, out]`.
 */
function conv3x3(map: tf.Tensor4D, weight: tf.Tensor, bias: tf.Tensor, name: string): tf.Tensor4D {
  check(
    weight.rank === 4 && weight.shape[1] === map.shape[3] && weight.shape[2] === 3,
    () =>
      `${name}.weight [${weight.shape.join(', ')}] does not fit ${map.shape[3]} input channels, 3×3`
  );
  return tf.tidy(() => {
    const filter = tf.transpose(weight, [2, 3, 1, 0]) as tf.Tensor4D;
    return tf.add(tf.conv2d(map, filter, 1, 1), bias) as tf.Tensor4D;
  });
}

/**
 * Where pixel (y, x) of the padded map sits in a block's rolled, partitioned windows, and where each
 * key of that window came from: the roll by (−s, −s) moves pixel p to (p − s) mod H.
 */
export function windowOf(
  y: number,
  x: number,
  Hp: number,
  Wp: number,
  ws: number,
  shift: number
): { window: number; token: number; keys: Int32Array } {
  const yr = (((y - shift) % Hp) + Hp) % Hp;
  const xr = (((x - shift) % Wp) + Wp) % Wp;
  const wy = Math.floor(yr / ws);
  const wx = Math.floor(xr / ws);
  const keys = new Int32Array(ws * ws * 2);
  for (let n = 0; n < ws * ws; n++) {
    keys[2 * n] = (wy * ws + Math.floor(n / ws) + shift) % Hp;
    keys[2 * n + 1] = (wx * ws + (n % ws) + shift) % Wp;
  }
  return { window: wy * (Wp / ws) + wx, token: (yr % ws) * ws + (xr % ws), keys };
}

export function swinir(
  x: tf.Tensor,
  weights: Record<string, tf.Tensor>,
  args: SwinIRArgs,
  opts: SwinIROptions = {}
): SwinIRResult {
  checkRank('x', x, 4, 'B,C,H,W');
  const [B, C, H, W] = x.shape;
  check(B === 1, () => `swinir runs one image at a time (B = 1), got B=${B}`);
  check(
    C === args.in_chans,
    () => `x has ${C} channels but the model was built with in_chans=${args.in_chans}`
  );
  checkSwinIRWeights(weights, args);
  const at = opts.attentionAt;
  if (at) {
    check(
      at.every(Number.isInteger) && at[0] >= 0 && at[0] < H && at[1] >= 0 && at[1] < W,
      () => `attentionAt (${at.join(', ')}) is outside the ${H}×${W} image`
    );
  }
  const w = (k: string) => weights[k];
  const ws = args.window_size;
  const attention: BlockAttention[] = [];
  const totalBlocks = args.depths.reduce((a, b) => a + b, 0);
  let doneBlocks = 0;

  const out = tf.tidy(() => {
    const meanValues = C === 3 ? [...RGB_MEAN] : new Array(C).fill(0);
    const mean = tf.tensor4d(meanValues, [1, C, 1, 1]);
    const padded = padToWindowMultiple(x, ws);
    const [, , Hp, Wp] = padded.shape;
    const xs = tf.mul(tf.sub(padded, mean), args.img_range) as tf.Tensor4D;
    const E = args.embed_dim;
    const L = Hp * Wp;
    const conv = (t: tf.Tensor, name: string) =>
      conv3x3(tf.reshape(t, [1, Hp, Wp, -1]), w(`${name}.weight`), w(`${name}.bias`), name);

    // conv_first on the NHWC view of the input; the tokens are that map reshaped, then LayerNorm.
    const first = conv(tf.transpose(xs, [0, 2, 3, 1]), 'conv_first');
    let t: tf.Tensor3D = layerNorm(
      tf.reshape(first, [1, L, E]),
      w('patch_embed.norm.weight'),
      w('patch_embed.norm.bias')
    ) as tf.Tensor3D;
    args.depths.forEach((depth, i) => {
      const next = tf.tidy(() => {
        let y: tf.Tensor3D = t;
        for (let j = 0; j < depth; j++) {
          const prev = y;
          y = tf.tidy(() => {
            const r = swinBlock(prev, Hp, Wp, swinirBlockParams(weights, args, i, j));
            if (at) {
              const pos = windowOf(at[0], at[1], Hp, Wp, r.windowSize, r.shiftSize);
              const N = r.windowSize ** 2;
              const heads = args.num_heads[i];
              const row = tf.slice(r.attn, [pos.window, 0, pos.token, 0], [1, heads, 1, N]);
              attention.push({
                layer: i,
                block: j,
                windowSize: r.windowSize,
                shiftSize: r.shiftSize,
                weights: row.dataSync() as Float32Array,
                heads,
                keys: pos.keys,
                token: pos.token,
                window: pos.window
              });
            }
            return r.out;
          });
          opts.onProgress?.(++doneBlocks, totalBlocks);
          if (prev !== t) prev.dispose();
        }
        const body = conv(y, `layers.${i}.conv`);
        return tf.add(tf.reshape(body, [1, L, E]), t) as tf.Tensor3D;
      });
      t = next;
    });
    const normed = layerNorm(t, w('norm.weight'), w('norm.bias'));
    const deep = tf.add(conv(normed, 'conv_after_body'), first);
    const res = tf.add(xs, tf.transpose(conv(deep, 'conv_last'), [0, 3, 1, 2]));
    const back = tf.add(tf.div(res, args.img_range), mean);
    return tf.slice(back, [0, 0, 0, 0], [1, C, H, W]) as tf.Tensor4D;
  });
  const padH = H + ((ws - (H % ws)) % ws);
  const padW = W + ((ws - (W % ws)) % ws);
  return { out, padded: [padH, padW], attention };
}
