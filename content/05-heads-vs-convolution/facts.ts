/** Numbers for the prose of /heads-vs-convolution, computed by running the page's trace. */
import { traceHeadsVsConv, type HeadsVsConvTrace, type OperatorId } from './trace';

/** Numbers for the chapter's misconception notes (C = 6, 3×3 windows, heads 1 and 6), computed. */
export function headsVsConvFacts() {
  const base = { C: 6, window_size: 3, seed: 0, pixel: 4 };
  const one = traceHeadsVsConv({ ...base, num_heads: 1 });
  const six = traceHeadsVsConv({ ...base, num_heads: 6 });
  // Translation invariance would make each map Toeplitz: A[i+1, j+1] = A[i, j].
  const a = one.steps[0].tensors[0].snap.data;
  const N = 9;
  let toeplitz = 0;
  for (let i = 0; i + 1 < N; i++)
    for (let j = 0; j + 1 < N; j++)
      toeplitz = Math.max(toeplitz, Math.abs(a[(i + 1) * N + j + 1] - a[i * N + j]));
  const row = (t: HeadsVsConvTrace, id: OperatorId) =>
    t.experiments.table.find((r) => r.id === id)!;
  const f3 = (v: number) => v.toFixed(3);
  const f2 = (v: number) => v.toFixed(2);
  return {
    counts1: one.experiments.counts.join(', '),
    counts6: six.experiments.counts.join(', '),
    off1: String(one.experiments.independence.offChannel),
    off6: String(six.experiments.independence.offChannel),
    toeplitz: f3(toeplitz),
    mdtaOffLo: f2(one.experiments.mdtaOffDiagonal[0]),
    mdtaOffHi: f2(one.experiments.mdtaOffDiagonal[1]),
    mdtaMix: f3(row(one, 'mdta').mixesChannels),
    scaMix: String(row(one, 'sca').mixesChannels),
    groupedMix: f3(
      row(six, 'grouped').mixesChannels === 0
        ? row(one, 'grouped').mixesChannels
        : row(six, 'grouped').mixesChannels
    )
  };
}
export type HeadsVsConvFactName = keyof ReturnType<typeof headsVsConvFacts>;
