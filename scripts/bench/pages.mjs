// `npm run bench:pages` (after `npm run build`): how long a parameter change takes to reach the
// screen on each chapter at its default size, in headless Chromium against `vite preview`.
//
// Each change is dispatched at the start of an animation frame and timed from a performance mark
// to the end of the frame that shows it (the main thread's Layerize, read from a Chrome trace):
// script (trace + Svelte + cell drawing), style, layout, paint. "One frame" = done within 16.7 ms.
// Prints a table and JSON. Not a test: numbers depend on the machine (noisy on a shared 2-core box).
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_FLAGS, resolveChromium } from '../../tests/browser/chromium.js';

const FRAME_MS = 1000 / 60;
const CHANGES = Number(process.env.CHANGES ?? 30);

// A parameter of each page toggled between two valid values (the default and one next to it),
// on the default step unless a step is given; `hover` rows move the pointer between two cells of
// the named tensor instead (every linked cell of the figure is outlined and the rest fade).
const pages = [
  { slug: 'window-partition', param: 'seed', a: '0', b: '1' },
  { slug: 'shifted-windows', param: 'shift_size', a: '1', b: '2' },
  { slug: 'shifted-windows', param: 'shift_size', a: '1', b: '2', step: 5 },
  { slug: 'shifted-windows', hover: 'shifted_x', a: '0,0,0,0', b: '0,8,8,0' },
  { slug: 'relative-position-bias', param: 'seed', a: '0', b: '1' },
  { slug: 'window-attention', param: 'seed', a: '0', b: '1' },
  { slug: 'window-attention', hover: 'qkv_linear', a: '0,0,0', b: '3,15,17' },
  { slug: 'heads-vs-convolution', param: 'seed', a: '0', b: '1' },
  { slug: 'restormer', param: 'seed', a: '0', b: '1' },
  { slug: 'unfold-fold', param: 'seed', a: '0', b: '1' }
];

const quantile = (xs, q) => [...xs].sort((x, y) => x - y)[Math.floor(q * (xs.length - 1))];

/** Main-thread work from each `change` mark to the end of the frame that shows it. */
function framesAfterMarks(events) {
  const marks = events.filter((e) => e.name === 'change' && e.cat?.includes('user_timing'));
  const pid = marks[0].pid;
  const main = events.find(
    (e) => e.pid === pid && e.name === 'thread_name' && e.args.name === 'CrRendererMain'
  );
  const slices = events
    .filter((e) => e.pid === pid && e.tid === main.tid && e.ph === 'X')
    .sort((x, y) => x.ts - y.ts);
  // Nested events of the same name (Paint inside Paint) count once.
  const total = (list, name) => {
    let ms = 0;
    let end = 0;
    for (const e of list)
      if (e.name === name && e.ts >= end) {
        ms += e.dur / 1000;
        end = e.ts + e.dur;
      }
    return ms;
  };
  return marks.slice(1).map((mark) => {
    const after = slices.filter((e) => e.ts >= mark.ts);
    const frameEnd = after.find((e) => e.name === 'Layerize');
    const within = after.filter((e) => e.ts < frameEnd.ts + frameEnd.dur);
    return {
      total: (frameEnd.ts + frameEnd.dur - mark.ts) / 1000,
      script: total(within, 'FunctionCall'),
      style: total(within, 'UpdateLayoutTree'),
      layout: total(within, 'Layout'),
      paint: total(within, 'PrePaint') + total(within, 'Paint')
    };
  });
}

const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: await resolveChromium(),
  args: CHROMIUM_FLAGS
});
const rows = [];
try {
  for (const { slug, param, hover, a, b, step } of pages) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/${slug}${step ? `?step=${step}` : ''}`);
    const figure = `[data-figure="${slug}"]`;
    await page.waitForSelector(`${figure}[data-ready="true"]`, { timeout: 60_000 });
    await page.locator(`${figure} .views`).first().scrollIntoViewIfNeeded();
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'blink.user_timing', '__metadata']
    });
    const traceMs = await page.evaluate(
      async ([figure, param, hover, a, b, n]) => {
        const fig = document.querySelector(figure);
        const input = param && fig.querySelector(`[name="${param}"]`);
        const cell = (index) =>
          fig.querySelector(`[data-tensor="${hover}"] rect[data-index="${index}"]`);
        const ms = [];
        for (let i = 0; i <= n; i++) {
          await new Promise((r) => setTimeout(r, 40)); // let the previous change settle
          await new Promise((r) => requestAnimationFrame(r)); // start at a frame's beginning
          performance.mark('change');
          if (hover) {
            cell(i % 2 ? a : b).dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
          } else {
            input.value = i % 2 ? a : b;
            input.dispatchEvent(new Event('change', { bubbles: true }));
          }
          await Promise.resolve();
          ms.push(Number(fig.getAttribute('data-trace-ms')));
        }
        await new Promise((r) => setTimeout(r, 100));
        return ms.slice(1);
      },
      [figure, param, hover, a, b, CHANGES]
    );
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const frames = framesAfterMarks(events);
    const med = (k) =>
      quantile(
        frames.map((f) => f[k]),
        0.5
      );
    const totals = frames.map((f) => f.total);
    rows.push({
      page: `/${slug}${step ? ` step ${step}` : ''}`,
      param: param ?? `hover ${hover}`,
      // A hover does not trace.
      trace_ms: hover ? 0 : quantile(traceMs, 0.5),
      script_ms: med('script'),
      style_layout_ms: med('style') + med('layout'),
      paint_ms: med('paint'),
      frame_ms: quantile(totals, 0.5),
      frame_p90_ms: quantile(totals, 0.9),
      within_one_frame: totals.filter((t) => t <= FRAME_MS).length / totals.length
    });
    await page.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
const f1 = (v) => v.toFixed(1).padStart(7);
console.log(
  `\n${'page'.padEnd(30)} ${'change'.padEnd(18)}   trace  script  style+  paint   change→frame ms   in one`
);
console.log(
  `${''.padEnd(30)} ${''.padEnd(18)}      ms      ms  layout     ms    median     p90    frame`
);
for (const r of rows)
  console.log(
    `${r.page.padEnd(30)} ${r.param.padEnd(18)} ${f1(r.trace_ms)} ${f1(r.script_ms)} ${f1(r.style_layout_ms)} ${f1(r.paint_ms)} ${f1(r.frame_ms)} ${f1(r.frame_p90_ms)}   ${(100 * r.within_one_frame).toFixed(0).padStart(4)}%`
  );
console.log(JSON.stringify({ date: new Date().toISOString(), changes: CHANGES, rows }));
