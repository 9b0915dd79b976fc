/** Layout of the training-curve plot: linear scales and an SVG path, pure (no DOM, no d3). */
export interface LogEntry {
  iter: number;
  loss: number | null;
  val_psnr: number;
}

export function curveLayout(log: readonly LogEntry[], width = 520, height = 220) {
  const m = { top: 12, right: 16, bottom: 34, left: 48 };
  const xs = log.map((e) => e.iter);
  const ys = log.map((e) => e.val_psnr);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.floor(Math.min(...ys)), Math.ceil(Math.max(...ys))];
  const x = (v: number) => m.left + ((v - x0) / (x1 - x0 || 1)) * (width - m.left - m.right);
  const y = (v: number) =>
    height - m.bottom - ((v - y0) / (y1 - y0 || 1)) * (height - m.top - m.bottom);
  const path = log
    .map((e, i) => `${i ? 'L' : 'M'}${x(e.iter).toFixed(1)},${y(e.val_psnr).toFixed(1)}`)
    .join('');
  const step = (a: number, b: number, n: number) => {
    const raw = (b - a) / n;
    const p = 10 ** Math.floor(Math.log10(raw || 1));
    const s = [1, 2, 5, 10].map((k) => k * p).find((k) => k >= raw) ?? raw;
    const out: number[] = [];
    for (let v = Math.ceil(a / s) * s; v <= b + 1e-9; v += s) out.push(v);
    return out;
  };
  return {
    width,
    height,
    margin: m,
    path,
    xTicks: step(x0, x1, 5).map((v) => ({ v, pos: x(v) })),
    yTicks: step(y0, y1, 4).map((v) => ({ v, pos: y(v) })),
    points: log.map((e) => ({ ...e, px: x(e.iter), py: y(e.val_psnr) }))
  };
}
