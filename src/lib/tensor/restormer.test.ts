import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { compare, loadGolden, toTensor, type GoldenCase } from '../../../tests/golden/golden';
import {
  gdfn,
  layerNormChannels,
  mdta,
  restormerBlock,
  type GdfnParams,
  type MdtaParams,
  type RestormerBlockParams
} from './restormer';

/** Fixture tensors under `prefix` (e.g. "attn."), keyed without it. Call inside tf.tidy. */
function tensorsUnder(c: GoldenCase, prefix = ''): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  for (const [key, g] of Object.entries(c.tensors))
    if (key.startsWith(prefix) && !key.slice(prefix.length).includes('.'))
      out[key.slice(prefix.length)] = toTensor(g);
  return out;
}

/** Compares every fixture tensor named in `names` (prefixed) with the nested result. */
function expectParity(c: GoldenCase, prefix: string, got: object, names: string[]): void {
  for (const name of names) {
    const g = c.tensors[prefix + name];
    expect(g, prefix + name).toBeDefined();
    const t = (got as Record<string, tf.Tensor>)[name];
    expect(compare(t, g), prefix + name).toBeNull();
  }
}

const MDTA_OUT = [
  'qkvPointwise',
  'qkv',
  'q',
  'k',
  'v',
  'qNorm',
  'kNorm',
  'attnLogits',
  'attn',
  'attnOut',
  'merged',
  'out'
];
const GDFN_OUT = ['projected', 'dw', 'x1', 'x2', 'gated', 'out'];

function withLeakCheck(body: () => void): void {
  const before = tf.memory().numTensors;
  tf.tidy(body);
  expect(tf.memory().numTensors).toBe(before);
}

describe('layerNormChannels: PyTorch parity (WithBias / BiasFree, tiny per-pixel variance)', () => {
  for (const c of loadGolden('restormer_layernorm').cases) {
    it(c.id, () =>
      withLeakCheck(() => {
        const t = tensorsUnder(c);
        expect(compare(layerNormChannels(t.x, t.weight, t.bias ?? null), c.tensors.out)).toBeNull();
      })
    );
  }
  it('the tiny-variance fixtures do catch a wrong eps', () => {
    const c = loadGolden('restormer_layernorm').cases.find((k) => k.params.tinyVariance)!;
    tf.tidy(() => {
      const t = tensorsUnder(c);
      const { mean, variance } = tf.moments(t.x, 1, true);
      const wrong = tf.mul(
        tf.div(tf.sub(t.x, mean), tf.sqrt(tf.add(variance, 1e-6))),
        tf.reshape(t.weight, [1, -1, 1, 1])
      );
      expect(
        compare(tf.add(wrong, tf.reshape(t.bias, [1, -1, 1, 1])), c.tensors.out)
      ).not.toBeNull();
    });
  });
});

describe('mdta: PyTorch parity (heads 1 and 2, with and without bias)', () => {
  for (const c of loadGolden('restormer_mdta').cases) {
    it(c.id, () =>
      withLeakCheck(() => {
        const t = tensorsUnder(c);
        const p = { ...t, numHeads: c.params.numHeads as number } as unknown as MdtaParams;
        expectParity(c, '', mdta(t.x, p), MDTA_OUT);
      })
    );
  }
});

describe('gdfn: PyTorch parity (ffn_expansion_factor 2.66)', () => {
  for (const c of loadGolden('restormer_gdfn').cases) {
    it(c.id, () =>
      withLeakCheck(() => {
        const t = tensorsUnder(c);
        expectParity(c, '', gdfn(t.x, t as unknown as GdfnParams), GDFN_OUT);
      })
    );
  }
});

describe('restormerBlock: PyTorch parity, every intermediate', () => {
  for (const c of loadGolden('restormer_block').cases) {
    it(c.id, () =>
      withLeakCheck(() => {
        const t = tensorsUnder(c);
        const p = {
          layerNormType: c.params.layerNormType,
          norm1Weight: t.norm1Weight,
          norm1Bias: t.norm1Bias,
          norm2Weight: t.norm2Weight,
          norm2Bias: t.norm2Bias,
          attn: { ...tensorsUnder(c, 'attn.'), numHeads: c.params.numHeads },
          ffn: tensorsUnder(c, 'ffn.')
        } as unknown as RestormerBlockParams;
        const r = restormerBlock(t.x, p);
        expectParity(c, '', r, ['norm1', 'afterAttn', 'norm2', 'out']);
        expectParity(c, 'attn.', r.attn, MDTA_OUT);
        expectParity(c, 'ffn.', r.ffn, GDFN_OUT);
      })
    );
  }
});

function randomMdtaParams(C: number, heads: number): MdtaParams {
  return {
    numHeads: heads,
    qkvWeight: tf.randomNormal([3 * C, C, 1, 1], 0, 0.4),
    qkvDwconvWeight: tf.randomNormal([3 * C, 1, 3, 3], 0, 0.4),
    projectOutWeight: tf.randomNormal([C, C, 1, 1], 0, 0.4),
    temperature: tf.ones([heads, 1, 1])
  };
}

describe('restormer invariants', () => {
  it('MDTA map is channels × channels: (1,2,4,4) for C=8, heads 2 on 6×5', () => {
    withLeakCheck(() => {
      const r = mdta(tf.randomNormal([1, 8, 6, 5]), randomMdtaParams(8, 2));
      expect(r.attn.shape).toEqual([1, 2, 4, 4]);
      expect(r.q.shape).toEqual([1, 2, 4, 30]);
      expect(r.out.shape).toEqual([1, 8, 6, 5]);
    });
  });

  it('attn rows sum to 1; q, k have unit norm over H·W', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (B, heads, cPerHead, H, W) => {
          const before = tf.memory().numTensors;
          const ok = tf.tidy(() => {
            const C = heads * cPerHead;
            const r = mdta(tf.randomNormal([B, C, H, W]), randomMdtaParams(C, heads));
            const rows = tf.sum(r.attn, -1).dataSync();
            const qn = tf.sqrt(tf.sum(tf.square(r.qNorm), -1)).dataSync();
            return (
              r.attn.shape.join() === `${B},${heads},${cPerHead},${cPerHead}` &&
              rows.every((s) => Math.abs(s - 1) < 1e-5) &&
              qn.every((s) => Math.abs(s - 1) < 1e-5)
            );
          });
          return ok && tf.memory().numTensors === before;
        }
      ),
      { numRuns: 30 }
    );
  });

  it('BiasFree keeps the mean: a constant-per-pixel input is scaled, not zeroed', () => {
    tf.tidy(() => {
      const x = tf.fill([1, 3, 2, 2], 2);
      const out = layerNormChannels(x, tf.ones([3]), null).dataSync();
      // variance 0 → x / sqrt(1e-5) = 2 / 0.0031623
      expect(out[0]).toBeCloseTo(2 / Math.sqrt(1e-5), 1);
      const withBias = layerNormChannels(x, tf.ones([3]), tf.zeros([3])).dataSync();
      expect(Array.from(withBias).every((v) => v === 0)).toBe(true);
    });
  });
});

describe('restormer argument errors', () => {
  const x = tf.zeros([1, 6, 4, 4]);
  it('needs C divisible by num_heads', () => {
    expect(() => mdta(x, randomMdtaParams(6, 4))).toThrow(
      'C=6 is not a multiple of num_heads=4: each head takes C/num_heads channels'
    );
  });
  it('names a weight in the wrong layout', () => {
    const p = { ...randomMdtaParams(6, 2), qkvDwconvWeight: tf.zeros([3, 3, 18, 1]) };
    expect(() => mdta(x, p)).toThrow(
      'qkvDwconvWeight must have shape [18, 1, 3, 3] (3C,1,3,3), got [3, 3, 18, 1]'
    );
    expect(() => mdta(x, { ...randomMdtaParams(6, 2), temperature: tf.ones([2]) })).toThrow(
      'temperature must have shape [2, 1, 1]'
    );
  });
  it('checks GDFN widths', () => {
    const p: GdfnParams = {
      projectInWeight: tf.zeros([7, 6, 1, 1]),
      dwconvWeight: tf.zeros([7, 1, 3, 3]),
      projectOutWeight: tf.zeros([6, 3, 1, 1])
    };
    expect(() => gdfn(x, p)).toThrow('GDFN needs an even 2·hidden');
    expect(() =>
      gdfn(x, {
        ...p,
        projectInWeight: tf.zeros([8, 6, 1, 1]),
        dwconvWeight: tf.zeros([8, 1, 3, 3])
      })
    ).toThrow('projectOutWeight must have shape [6, 4, 1, 1] (C,hidden,1,1), got [6, 3, 1, 1]');
  });
  it('checks LayerNorm weights and the block norm type', () => {
    expect(() => layerNormChannels(x, tf.ones([4]), null)).toThrow(
      'LayerNorm weight must have shape [6] (C, the channels of x), got [4]'
    );
    const ffn: GdfnParams = {
      projectInWeight: tf.zeros([8, 6, 1, 1]),
      dwconvWeight: tf.zeros([8, 1, 3, 3]),
      projectOutWeight: tf.zeros([6, 4, 1, 1])
    };
    const base = {
      norm1Weight: tf.ones([6]),
      norm2Weight: tf.ones([6]),
      attn: randomMdtaParams(6, 2),
      ffn
    };
    expect(() => restormerBlock(x, { ...base, layerNormType: 'WithBias' })).toThrow(
      "layerNormType 'WithBias' needs norm1Bias"
    );
    expect(() =>
      restormerBlock(x, { ...base, layerNormType: 'BiasFree', norm2Bias: tf.zeros([6]) })
    ).toThrow("layerNormType 'BiasFree' has no bias, but norm2Bias was given");
    expect(() => restormerBlock(x, { ...base, layerNormType: 'Layer' as 'BiasFree' })).toThrow(
      "layerNormType must be 'WithBias' or 'BiasFree', got 'Layer'"
    );
    expect(() =>
      tf.tidy(
        () =>
          restormerBlock(tf.randomNormal([1, 6, 4, 4]), { ...base, layerNormType: 'BiasFree' }).out
      )
    ).not.toThrow();
  });
});
