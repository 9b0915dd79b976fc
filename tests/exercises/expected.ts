/**
 * Every exercise's answer, computed here from its `data-params` with plain arithmetic, independently
 * of the page and of tfjs: the browser suite types these in, the unit tests compare the chapters'
 * solutions with them. Keyed by slug, then exercise id.
 */
export type Expected =
  | { kind: 'ints'; value: number[] }
  | { kind: 'cells'; value: string[] }
  | { kind: 'choice'; value: string };
type P = Record<string, number>;

const ints = (...value: number[]): Expected => ({ kind: 'ints', value });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Swin's region label of pixel (r, c) in the rolled map (3 bands per axis, 3·row band + col band). */
function label(p: P, r: number, c: number) {
  const band = (i: number, n: number) => (i < n - p.window_size ? 0 : i < n - p.shift_size ? 1 : 2);
  return 3 * band(r, p.H) + band(c, p.W);
}
function tokenLabel(p: P, w: number, t: number) {
  const ws = p.window_size;
  const nw = p.W / ws;
  return label(p, Math.floor(w / nw) * ws + Math.floor(t / ws), (w % nw) * ws + (t % ws));
}

/** Patch grid along one axis: the patches o whose window covers index i. */
function covering(i: number, n: number, k: number, s: number, pad: number) {
  const out = Math.floor((n + 2 * pad - k) / s) + 1;
  return range(out).filter((o) => o * s - pad <= i && i < o * s - pad + k);
}

/** PatchMerging's (dy, dx) for x0, x1, x2, x3: x1 = x[:, 1::2, 0::2] is the odd row. */
export const MERGE_OFFSETS = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1]
] as const;

export const expected: Record<string, Record<string, (p: P) => Expected>> = {
  'window-partition': {
    'window-of-pixel': (p) => {
      const ws = p.window_size;
      const nw = p.W / ws;
      const nW = (p.H / ws) * nw;
      return ints(p.b * nW + Math.floor(p.h / ws) * nw + Math.floor(p.w / ws), p.h % ws, p.w % ws);
    },
    'windows-shape': (p) => {
      const ws = p.window_size;
      return ints(p.B * (p.H / ws) * (p.W / ws), ws, ws, p.C);
    },
    'pixel-of-window': (p) => {
      const nw = p.W / p.window_size;
      const h = Math.floor(p.win / nw) * p.window_size + p.dy;
      const w = (p.win % nw) * p.window_size + p.dx;
      return { kind: 'choice', value: `${h},${w}` };
    }
  },
  'shifted-windows': {
    'masked-keys': (p) => ({
      kind: 'cells',
      value: range(p.window_size ** 2)
        .filter((j) => tokenLabel(p, p.window, j) !== tokenLabel(p, p.window, p.query))
        .map(String)
    }),
    'label-diff': (p) => ints(tokenLabel(p, p.window, p.j) - tokenLabel(p, p.window, p.i)),
    'unmasked-windows': (p) => ints((p.H / p.window_size - 1) * (p.W / p.window_size - 1))
  },
  'relative-position-bias': {
    'relative-position-index': (p) => {
      const [hi, wi, hj, wj] = [p.i, p.i, p.j, p.j].map((t, k) =>
        k % 2 ? t % p.Ww : Math.floor(t / p.Ww)
      );
      return ints((hi - hj + p.Wh - 1) * (2 * p.Ww - 1) + (wi - wj + p.Ww - 1));
    },
    'table-rows': (p) => ints((2 * p.Wh - 1) * (2 * p.Ww - 1)),
    'collision-keys': (p) => {
      const sum = (j: number) =>
        Math.floor(p.i / p.Ww) - Math.floor(j / p.Ww) + (p.i % p.Ww) - (j % p.Ww);
      return {
        kind: 'cells',
        value: range(p.Wh * p.Ww)
          .filter((j) => sum(j) === sum(p.j))
          .map(String)
      };
    }
  },
  'window-attention': {
    'q-shape': (p) => {
      const nW = (p.H / p.window_size) * (p.W / p.window_size);
      return ints(p.B * nW, p.num_heads, p.window_size ** 2, p.C / p.num_heads);
    },
    'window-attn-shape': (p) => {
      const nW = (p.H / p.window_size) * (p.W / p.window_size);
      return ints(p.B * nW, p.num_heads, p.window_size ** 2, p.window_size ** 2);
    },
    'attn-entries': (p) => ints(p.B * p.H * p.W * p.num_heads * p.window_size ** 2)
  },
  'heads-vs-convolution': {
    'distinct-maps': (p) => ints(p.num_heads),
    'changed-channels': (p) => ({ kind: 'cells', value: [String(p.channel)] }),
    'head-of-channel': (p) => ints(Math.floor(p.channel / (p.C / p.num_heads)))
  },
  restormer: {
    'attn-shape': (p) => ints(p.B, p.num_heads, p.C / p.num_heads, p.C / p.num_heads),
    'out-shape': (p) => ints(p.B, p.C, p.H, p.W),
    'normalize-axis': () => ({ kind: 'choice', value: 'pixels' })
  },
  'unfold-fold': {
    'overlap-count': (p) => {
      const [k, s, pad] = [p.kernel_size, p.stride, p.padding];
      return ints(covering(p.y, p.H, k, s, pad).length * covering(p.x, p.W, k, s, pad).length);
    },
    'unfold-shape': (p) => {
      const out = (n: number) => Math.floor((n + 2 * p.padding - p.kernel_size) / p.stride) + 1;
      return ints(p.B, p.C * p.kernel_size ** 2, out(p.H) * out(p.W));
    },
    'patch-pixels': (p) => {
      const outW = Math.floor((p.W + 2 * p.padding - p.kernel_size) / p.stride) + 1;
      const [y0, x0] = [Math.floor(p.patch / outW), p.patch % outW].map(
        (o) => o * p.stride - p.padding
      );
      const value: string[] = [];
      for (const y of range(p.kernel_size).map((d) => y0 + d))
        for (const x of range(p.kernel_size).map((d) => x0 + d))
          if (y >= 0 && y < p.H && x >= 0 && x < p.W) value.push(`${y},${x}`);
      return { kind: 'cells', value };
    }
  },
  'patch-merging': {
    'cat-source': (p) => {
      // torch.cat([x0, x1, x2, x3], -1): block q = k // C is the 2×2 offset (dy, dx) of x_q.
      const [dy, dx] = MERGE_OFFSETS[Math.floor(p.k / p.C)];
      return ints(2 * p.i + dy, 2 * p.j + dx, p.k % p.C);
    },
    'unshuffle-channel': (p) => ints(p.c * 4 + (p.h % 2) * 2 + (p.w % 2)),
    'merged-shape': (p) => ints(p.B, (p.H / 2) * (p.W / 2), 2 * p.C)
  },
  'ttsr-search-transfer': {
    't-lv1-shape': (p) => ints(1, p.C, 4 * p.H, 4 * p.W),
    'r-shape': (p) => ints(1, p.Hr * p.Wr, p.H * p.W),
    'lv2-divisor': () => ints(3 * 3)
  }
};

/** A wrong answer of the same kind, for the "incorrect" path. */
export function wrongAnswer(e: Expected, p: P): Expected {
  if (e.kind === 'ints') return ints(...e.value.map((v, i) => (i === 0 ? v + 1000 : v)));
  if (e.kind === 'choice') return { kind: 'choice', value: '__none__' };
  void p;
  return { kind: 'cells', value: e.value.length > 1 ? e.value.slice(1) : [] };
}
