// `npm run bench:pages` (after `npm run build`): how long a parameter change takes to re-render
// each chapter's figure at its default size, in headless Chromium against `vite preview`.
// Two numbers per page, median of 9 changes: change → DOM updated (script: trace + Svelte), and
// change → the next frame has been produced. Prints a table and JSON. Not a test.
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_FLAGS, resolveChromium } from '../../tests/browser/chromium.js';

// A parameter of each page toggled between two valid values (the default and one next to it).
const pages = [
  ['window-partition', 'seed', '0', '1'],
  ['shifted-windows', 'shift_size', '1', '2'],
  ['relative-position-bias', 'seed', '0', '1'],
  ['window-attention', 'seed', '0', '1'],
  ['heads-vs-convolution', 'seed', '0', '1'],
  ['restormer', 'seed', '0', '1'],
  ['unfold-fold', 'seed', '0', '1']
];

const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: await resolveChromium(),
  args: CHROMIUM_FLAGS
});
const rows = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const [slug, param, a, b] of pages) {
    await page.goto(`${base}/${slug}`);
    await page.waitForSelector(`[data-figure="${slug}"][data-ready="true"]`, { timeout: 60_000 });
    const times = await page.evaluate(
      async ([slug, param, a, b]) => {
        const fig = document.querySelector(`[data-figure="${slug}"]`);
        const input = fig.querySelector(`input[name="${param}"]`);
        const dom = [];
        const frame = [];
        const trace = [];
        for (let i = 0; i < 10; i++) {
          const t0 = performance.now();
          input.value = i % 2 ? a : b;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          await Promise.resolve(); // Svelte flushes its updates in a microtask
          await new Promise((r) => setTimeout(r, 0));
          const t1 = performance.now();
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const t2 = performance.now();
          if (i > 0) {
            dom.push(t1 - t0);
            frame.push(t2 - t0);
            trace.push(Number(fig.getAttribute('data-trace-ms')));
          }
        }
        const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
        return { trace_ms: median(trace), dom_ms: median(dom), frame_ms: median(frame) };
      },
      [slug, param, a, b]
    );
    rows.push({ page: `/${slug}`, param, ...times });
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
console.log('\npage                      change       trace ms   → DOM ms   → next frame ms');
for (const r of rows)
  console.log(
    `${r.page.padEnd(25)} ${r.param.padEnd(12)} ${r.trace_ms.toFixed(1).padStart(8)} ${r.dom_ms.toFixed(1).padStart(9)} ${r.frame_ms.toFixed(1).padStart(16)}`
  );
console.log(JSON.stringify({ date: new Date().toISOString(), rows }));
