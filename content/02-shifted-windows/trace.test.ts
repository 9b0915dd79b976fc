import { describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { compare, loadGolden, toTensor } from '../../tests/golden/golden';
import { linesOf } from '$lib/trace/listing';
import {
  irregularAttention,
  previewShiftedWindows,
  shiftedWindowsListings,
  swMsa,
  traceShiftedWindows,
  type ShiftedWindowsParams
} from './trace';
import { STEP_IDS } from './steps';
import { windowAttention } from '$lib/tensor';

// A pass-through spy: the preview of an early step must not run the attention.
vi.mock('$lib/tensor', async (actual) => {
  const real = await actual<typeof import('$lib/tensor')>();
  return { ...real, windowAttention: vi.fn(real.windowAttention) };
});

const base: ShiftedWindowsParams = { H: 9, W: 9, C: 1, window_size: 3, shift_size: 1, window: -1 };
const view = (t: ReturnType<typeof traceShiftedWindows>, step: string, name: string) =>
  t.steps.find((s) => s.id === step)!.tensors.find((v) => v.name === name)!;

describe('swMsa and irregularAttention against our PyTorch (shifted_windows.json)', () => {
  for (const c of loadGolden('shifted_windows').cases) {
    it(c.id, () => {
      const before = tf.memory().numTensors;
      const {
        window_size: ws,
        shift_size: s,
        num_heads: heads
      } = c.params as Record<string, number>;
      const g = c.tensors;
      tf.tidy(() => {
        const x = toTensor(g.x) as tf.Tensor4D;
        const p = {
          numHeads: heads,
          windowSize: [ws, ws] as const,
          qkvWeight: toTensor(g.qkv_weight),
          qkvBias: toTensor(g.qkv_bias),
          projWeight: toTensor(g.proj_weight),
          projBias: toTensor(g.proj_bias),
          relativePositionBiasTable: toTensor(g.table)
        };
        const r = swMsa(x, p, ws, s);
        expect(compare(r.imgMask, g.img_mask)).toBeNull();
        expect(compare(r.windowLabels, g.mask_windows)).toBeNull();
        expect(compare(r.attnMask, g.attn_mask)).toBeNull();
        expect(compare(r.attention.attn, g.attn, 1e-5, 1e-4)).toBeNull();
        expect(compare(r.out, g.out)).toBeNull();
        const [, H, W, C] = g.x.shape;
        const direct = irregularAttention(
          g.x.data,
          H,
          W,
          C,
          {
            numHeads: heads,
            qkvWeight: g.qkv_weight.data,
            qkvBias: g.qkv_bias.data,
            projWeight: g.proj_weight.data,
            projBias: g.proj_bias.data,
            table: g.table.data
          },
          ws,
          s
        );
        expect(compare(tf.tensor(direct.out, g.direct.shape), g.direct)).toBeNull();
      });
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('traceShiftedWindows', () => {
  it('the post: 9×9, window 3, shift 1', () => {
    const before = tf.memory().numTensors;
    const t = traceShiftedWindows(base);
    expect(tf.memory().numTensors).toBe(before);
    // The order of the official code (steps.ts: each step's own id, in STEP_IDS' order).
    expect(t.steps.map((s) => s.id)).toEqual(STEP_IDS);
    expect(t.picked).toBe(8);
    const windows = view(t, 'partition', 'mask_windows').snap.data;
    expect(Array.from(windows.slice(72, 81))).toEqual([4, 4, 5, 4, 4, 5, 7, 7, 8]);
    expect(view(t, 'labels', 'img_mask').caption).toBe(
      'rows 0–5 → band 0, rows 6–7 → band 1, row 8 → band 2; columns 0–5 → band 0, columns 6–7 → band 1, column 8 → band 2'
    );
    expect(t.checks.unmaskedWindows).toEqual([0, 1, 3, 4]);
    expect(t.checks.equivalenceMaxDiff).toBeLessThan(1e-5);
    expect(t.checks.regions).toBe(16);
    // Masked weights are ~e^−100 relative: subnormal, not 0.
    expect(t.checks.maskedMin).toBeGreaterThan(0);
    expect(t.checks.maskedMax).toBeLessThan(1e-40);
    expect(t.checks.leakTimesZero).toBeGreaterThan(0.1);
    expect(t.checks.fourLabelDiffs).toBe(0);
    expect(t.checks.twoLabelDiffs).toBeGreaterThan(0);
    expect(t.checks.inference).toEqual({ H: 10, W: 10, Hp: 12, Wp: 12, maskShape: [16, 9, 9] });
    // Hover a cell of the N×N map: it links query pixel i and key pixel j.
    const diff = view(t, 'diff', 'label_diff');
    expect(diff.snap.shape).toEqual([9, 9]);
    // Window 8 of the rolled map: token 0 is rolled (6, 6) = pixel (7, 7) = 70; token 8 is pixel 0.
    expect(diff.linksOf!(8)).toEqual([70, 0]);
    // pixel 0 went to (8, 8)
    expect(t.steps[0].explain).toContain('pixel 0 is now at (8, 8)');
  });

  it('H ≠ W with a C > 1 image, and shift 0 (the clamp) run without a mask', () => {
    const t = traceShiftedWindows({ H: 8, W: 12, C: 3, window_size: 4, shift_size: 2, window: 0 });
    expect(view(t, 'roll', 'x').snap.shape).toEqual([1, 8, 12, 3]);
    expect(t.masks.snap.shape).toEqual([6, 16, 16]);
    expect(t.checks.equivalenceMaxDiff).toBeLessThan(1e-5);
    const flat = traceShiftedWindows({
      H: 3,
      W: 6,
      C: 1,
      window_size: 3,
      shift_size: 0,
      window: 0
    });
    expect(flat.masks.snap.data.every((v) => v === 0)).toBe(true);
    expect(flat.checks.maskedCount).toBe(0);
    expect(flat.checks.equivalenceMaxDiff).toBeLessThan(1e-5);
  });

  it.each([base, { ...base, C: 3, shift_size: 0, window: 2 }, { ...base, H: 6, W: 9, C: 2 }])(
    "the preview of %o has the steps and the visible step's tensors, not the checks",
    (p) => {
      const full = traceShiftedWindows(p);
      expect(full.steps.map((s) => s.id)).toEqual(STEP_IDS);
      const attention = STEP_IDS.indexOf('softmax');
      STEP_IDS.forEach((_, shown) => {
        const before = tf.memory().numTensors;
        const preview = previewShiftedWindows(p, (count) => (count === 7 ? shown : NaN));
        expect(tf.memory().numTensors).toBe(before);
        expect('checks' in preview).toBe(false);
        expect(preview.steps.map((s) => s.id)).toEqual(STEP_IDS);
        preview.steps.forEach((s, k) => {
          // Before softmax the preview runs no attention: those two steps wait for the trace.
          const drawn = shown < attention && k >= attention ? [] : full.steps[k].tensors;
          expect(
            s.tensors.map((v) => v.name),
            `step ${shown} ${s.id}`
          ).toEqual(drawn.map((v) => v.name));
          s.tensors.forEach((v, i) =>
            expect(Array.from(v.snap.data)).toEqual(Array.from(drawn[i].snap.data))
          );
          if (k < attention) expect(s.explain).toBe(full.steps[k].explain);
        });
        const explain = (t: { steps: { explain: string }[] }, id: (typeof STEP_IDS)[number]) =>
          t.steps[STEP_IDS.indexOf(id)].explain;
        expect(explain(preview, 'rollback')).toContain('(measuring…)');
        expect(explain(full, 'rollback')).toMatch(/to \d\.\de[-+]\d+\.$/);
        // The softmax sentence quotes the smallest masked weight, where window w has one.
        const softmax = explain(full, 'softmax');
        if (shown >= attention || !softmax.includes('down to'))
          expect(explain(preview, 'softmax')).toBe(softmax);
        else expect(explain(preview, 'softmax')).toContain('down to (measuring…)');
      });
    }
  );

  it('a preview of a step before softmax runs no attention', () => {
    vi.mocked(windowAttention).mockClear();
    previewShiftedWindows(base, () => STEP_IDS.indexOf('fill'));
    expect(windowAttention).not.toHaveBeenCalled();
    previewShiftedWindows(base, () => STEP_IDS.indexOf('softmax'));
    expect(windowAttention).toHaveBeenCalledTimes(1);
  });

  it('every step highlights lines in both listings', () => {
    for (const id of STEP_IDS)
      for (const l of shiftedWindowsListings)
        expect(linesOf(l, id).length, `${l.lang} ${id}`).toBeGreaterThan(0);
  });
});
