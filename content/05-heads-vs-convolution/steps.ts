/**
 * The steps of the /heads-vs-convolution trace: window attention's maps, `attn @ v` channel by
 * channel, the picked pixel's kernels, Restormer's transposed map and NAFNet's SCA, each with the
 * hover links between attn, v, out and the kernels.
 */
import type { Snapshot } from '$lib/tensor/snapshot';
import type { HeadsVsConvExperiments } from './experiments';
import type { HeadsVsConvParams } from './trace';
import type { Step, TensorView } from '$lib/trace/types';

const fmt = (v: number) => (v === 0 ? '0' : Math.abs(v) < 1e-3 ? v.toExponential(1) : v.toFixed(3));

/**
 * Links between attn, v, out and the kernels, in one id space: attn ids are attn's flat indices,
 * then v's (window, token, channel), then out's. `attn @ v` relates attn[w, h, i, j] to v at token
 * j and out at token i, in the channels of head h only.
 */
function linker(p: HeadsVsConvParams) {
  const { C, window_size: M, num_heads: heads } = p;
  const N = M * M;
  const d = C / heads;
  const A = 4 * heads * N * N;
  const V = 4 * N * C;
  const vId = (w: number, j: number, c: number) => A + (w * N + j) * C + c;
  const outId = (w: number, i: number, c: number) => A + V + (w * N + i) * C + c;
  const headChannels = (h: number) => Array.from({ length: d }, (_, e) => h * d + e);
  const tokens = Array.from({ length: N }, (_, j) => j);
  return {
    vId,
    outId,
    attnLinks(flat: number): number[] {
      const j = flat % N;
      const i = Math.floor(flat / N) % N;
      const h = Math.floor(flat / (N * N)) % heads;
      const w = Math.floor(flat / (heads * N * N));
      const cs = headChannels(h);
      return [flat, ...cs.map((c) => vId(w, j, c)), ...cs.map((c) => outId(w, i, c))];
    },
    /** v is [B_, heads, N, d]: its own id, and every out token of the same channel. */
    vProvenance: Int32Array.from({ length: V }, (_, flat) => {
      const e = flat % d;
      const j = Math.floor(flat / d) % N;
      const h = Math.floor(flat / (d * N)) % heads;
      const w = Math.floor(flat / (d * N * heads));
      return vId(w, j, h * d + e);
    }),
    vLinks(id: number): number[] {
      const rel = id - A;
      const c = rel % C;
      const w = Math.floor(rel / (N * C));
      return [id, ...tokens.map((i) => outId(w, i, c))];
    },
    outLinks(flat: number): number[] {
      const c = flat % C;
      const i = Math.floor(flat / C) % N;
      const w = Math.floor(flat / (N * C));
      const h = Math.floor(c / d);
      const row = ((w * heads + h) * N + i) * N;
      return [outId(w, i, c), ...tokens.map((j) => vId(w, j, c)), ...tokens.map((j) => row + j)];
    },
    outProvenance: Int32Array.from({ length: V }, (_, flat) => A + V + flat)
  };
}

export function headsVsConvSteps(
  p: HeadsVsConvParams,
  s: Record<'attn' | 'v' | 'out' | 'kernels' | 'mdtaAttn' | 'gate' | 's' | 'scaOut', Snapshot>,
  kernelIds: Int32Array,
  /** Null in the preview: the numbers measured by the experiments follow after the frame. */
  e: HeadsVsConvExperiments | null
): Step[] {
  const { C, window_size: M, num_heads: heads, pixel } = p;
  const N = M * M;
  const d = C / heads;
  const L = linker(p);
  const attn: TensorView = {
    name: 'attn',
    snap: s.attn,
    dims: ['B_', 'heads', 'N', 'N'],
    linksOf: (flat) => L.attnLinks(flat),
    grid: { rows: 2, cols: 3, facets: [0, 1], wrap: heads },
    caption: 'softmax(q·kᵀ·scale + bias); facet [w, h] is window w, head h'
  };
  const v: TensorView = {
    name: 'v',
    snap: s.v,
    dims: ['B_', 'heads', 'N', 'd'],
    provenance: L.vProvenance,
    linksOf: (flat) => L.vLinks(L.vProvenance[flat]),
    grid: { rows: 2, cols: 3, facets: [0, 1], wrap: heads }
  };
  const out: TensorView = {
    name: 'out',
    snap: s.out,
    dims: ['B_', 'N', 'C'],
    provenance: L.outProvenance,
    linksOf: (flat) => L.outLinks(flat),
    grid: { rows: 1, cols: 2, facets: [0] },
    caption: '(attn @ v).transpose(1, 2).reshape(B_, N, C), before proj'
  };
  const kernels: TensorView = {
    name: 'kernels',
    snap: s.kernels,
    dims: ['C', 'ws', 'ws'],
    provenance: kernelIds,
    linksOf: (flat) => {
      const c = Math.floor(flat / N);
      const j = flat % N;
      return [kernelIds[flat], L.vId(0, j, c), L.outId(0, pixel, c)];
    },
    grid: { rows: 1, cols: 2, facets: [0], wrap: d },
    caption: `window 0, pixel ${pixel} (row ${Math.floor(pixel / M)}, col ${pixel % M}); one row of kernels per head`
  };
  // Until the experiments are in, their numbers read "…" (the tensors are already exact).
  const m = (v: number | undefined) => (v === undefined ? '…' : fmt(v));
  const counts = e ? e.counts.join(', ') : '…';
  const ind = e?.independence;
  const attentionRow = e?.table[0];
  return [
    {
      id: 'softmax',
      title: 'One map per window and head',
      explain:
        `4 windows × ${heads} head(s) of ${N}×${N} maps. Counting distinct maps among the C=${C} ` +
        `channels of each window gives ${counts}: the number of heads, not of channels.`,
      tensors: [attn]
    },
    {
      id: 'av',
      title: 'attn @ v, channel by channel',
      explain:
        `Output channel c at token i is Σⱼ attn[h(c), i, j] · v[j, c]: only channel c of v enters. ` +
        `Perturbing one channel of v changes the other output channels by at most ${m(ind?.offChannel)} ` +
        `(and its own by at least ${m(ind?.onChannel)}). Hover a cell to see what it touches.`,
      tensors: [attn, v, out]
    },
    {
      id: 'kernels',
      title: 'The picked pixel’s C kernels',
      explain:
        `At one pixel, attn @ v is ${C} window-sized kernels, one per channel, applied to that channel ` +
        `only; the ${d} channel(s) of a head share one. Moving the pixel by one changes the kernel by ` +
        `${m(attentionRow?.variesWithPosition)}: it is not a convolution.`,
      tensors: [kernels, v, out]
    },
    {
      id: 'mdta',
      title: 'Restormer: the transposed map',
      explain:
        `MDTA's map is (C/heads)×(C/heads) = ${d}×${d} per head: it mixes channels (up to ` +
        `${m(e?.table[3].mixesChannels)}) and applies the same weights at every pixel (change ` +
        `${m(e?.table[3].variesWithPosition)} when the pixel moves).`,
      tensors: [
        {
          name: 'mdta_attn',
          snap: s.mdtaAttn,
          dims: ['B', 'heads', 'C/heads', 'C/heads'],
          grid: { rows: 2, cols: 3, facets: [0, 1] },
          caption: 'attn of Restormer’s Attention on the same image (as NCHW)'
        }
      ]
    },
    {
      id: 'sca',
      title: 'NAFNet: SimpleGate and SCA',
      explain:
        `SimpleGate multiplies the two halves of a 2C-channel map; SCA then scales each channel by ` +
        `one number s[c] = W·GAP(x) + b: a diagonal map (mixing ${m(e?.table[4].mixesChannels)}).`,
      tensors: [
        {
          name: 'simple_gate',
          snap: s.gate,
          dims: ['B', 'C', 'H', 'W'],
          grid: { rows: 2, cols: 3, facets: [0, 1] }
        },
        {
          name: 's',
          snap: s.s,
          dims: ['B', 'C', '1', '1'],
          grid: { rows: 2, cols: 1, facets: [0, 3] }
        },
        {
          name: 'sca_out',
          snap: s.scaOut,
          dims: ['B', 'C', 'H', 'W'],
          grid: { rows: 2, cols: 3, facets: [0, 1] }
        }
      ]
    }
  ];
}
