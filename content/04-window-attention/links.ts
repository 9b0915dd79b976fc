/**
 * Hover links of the /window-attention trace. One id space with a range per kind of cell — tokens,
 * qkv channels, attention cells, bias cells, attention rows, heads_out cells — and every tensor's
 * provenance in it, computed by running the forward pass's own reshape/permute/broadcast on index
 * tensors (provenance by iota).
 */
import * as tf from '@tensorflow/tfjs-core';
import { memo } from '$lib/memo';
import { iota, provenanceOf } from '$lib/trace/provenance';

/** Where channel j of the qkv Linear output lands: qkv[s, ·, h, ·, e] with j = s·C + h·d + e. */
export interface ChannelDestination {
  channel: number;
  s: number;
  h: number;
  e: number;
}

/**
 * Read the destination of every qkv channel of token 0, window 0 from the provenance of the
 * permuted qkv `[3, B_, heads, N, d]` (the reshape/permute run on an index tensor).
 */
export function channelDestinations(provenance: Int32Array, shape: number[]): ChannelDestination[] {
  const [, B_, heads, N, d] = shape;
  const out: ChannelDestination[] = [];
  provenance.forEach((src, f) => {
    if (src >= 3 * heads * d) return; // not token 0 of window 0
    const e = f % d;
    const n = Math.floor(f / d) % N;
    const h = Math.floor(f / (d * N)) % heads;
    const s = Math.floor(f / (d * N * heads * B_));
    if (n === 0) out.push({ channel: src, s, h, e });
  });
  return out.sort((a, b) => a.channel - b.channel);
}

/**
 * Ids and links for `B_` windows of `N` tokens, `C` channels and `heads` heads
 * (`head_dim d = C / heads`). Call inside a tfjs scope: the index tensors are left to it.
 */
/**
 * The links depend on the shape only, so a change of seed (or of anything that keeps the shape)
 * reuses them: rebuilding them took a third of /window-attention's trace.
 */
const remembered = memo<ReturnType<typeof buildLinks>>(4);
export function windowAttentionLinks(B_: number, N: number, C: number, heads: number) {
  return remembered(`${B_},${N},${C},${heads}`, () => buildLinks(B_, N, C, heads));
}

function buildLinks(B_: number, N: number, C: number, heads: number) {
  const d = C / heads;
  // Link ids: tokens, then qkv channels (by the real reshape/permute on an index tensor), then
  // attention cells, bias cells, rows and heads_out cells, each in its own range.
  let next = 0;
  const range = (n: number) => ((next += n), next - n);
  const TOK = range(B_ * N);
  const QKV = range(B_ * N * 3 * C);
  const ATT = range(B_ * heads * N * N);
  const BIAS = range(heads * N * N);
  const ROW = range(B_ * heads * N);
  const HO = range(B_ * heads * N * d);
  const tokens = new Map<number, Int32Array>();
  const tokenIds = (c: number) => {
    let ids = tokens.get(c);
    if (!ids)
      tokens.set(
        c,
        (ids = provenanceOf(tf.add(tf.broadcastTo(iota([B_, N, 1]), [B_, N, c]), TOK)))
      );
    return ids;
  };
  const qkvIota = tf.transpose(
    tf.reshape(tf.add(iota([B_, N, 3 * C]), QKV), [B_, N, 3, heads, d]),
    [2, 0, 3, 1, 4]
  );
  const [qId, kId, vId] = tf.unstack(qkvIota, 0).map(provenanceOf);
  const attIds = provenanceOf(tf.add(iota([B_, heads, N, N]), ATT));
  const biasIds = provenanceOf(tf.add(iota([heads, N, N]), BIAS));
  const biasedIds = provenanceOf(
    tf.broadcastTo(tf.expandDims(tf.add(iota([heads, N, N]), BIAS), 0), [B_, heads, N, N])
  );
  const rowIds = provenanceOf(
    tf.add(tf.broadcastTo(iota([B_, heads, N, 1]), [B_, heads, N, N]), ROW)
  );
  const hoIota = tf.add(iota([B_, heads, N, d]), HO);
  const hoIds = provenanceOf(hoIota);
  const mergedIds = provenanceOf(tf.reshape(tf.transpose(hoIota, [0, 2, 1, 3]), [B_, N, C]));
  const qkvPermIds = provenanceOf(qkvIota);
  // q @ kᵀ: logit (b, h, i, j) links the row i of q[b, h] and the row j of k[b, h] (a column of kᵀ).
  const rowOf = (ids: Int32Array, bh: number, i: number) =>
    Array.from(ids.subarray((bh * N + i) * d, (bh * N + i + 1) * d));
  const logitLinks = (f: number) => {
    const bh = Math.floor(f / (N * N));
    const i = Math.floor(f / N) % N;
    return [ATT + f, ...rowOf(qId, bh, i), ...rowOf(kId, bh, f % N)];
  };
  const headsOutLinks = (f: number) => {
    const e = f % d;
    const bhi = Math.floor(f / d);
    const bh = Math.floor(bhi / N);
    const vCol = Array.from({ length: N }, (_, j) => vId[(bh * N + j) * d + e]);
    return [HO + f, ROW + bhi, ...vCol];
  };
  return {
    QKV,
    tokenIds,
    /** qkv_linear's channels by their own ids (before the permute). */
    qkvLinearIds: () => provenanceOf(tf.add(iota([B_, N, 3 * C]), QKV)),
    qkvPermIds,
    qId,
    kId,
    vId,
    attIds,
    biasIds,
    biasedIds,
    rowIds,
    hoIds,
    mergedIds,
    logitLinks,
    headsOutLinks
  };
}
