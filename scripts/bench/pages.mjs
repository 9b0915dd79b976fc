// `npm run bench:pages` (after `npm run build`): how long a parameter change takes to reach the
// screen on each chapter at its default size, in headless Chromium against `vite preview`.
//
// Each change: inside a requestAnimationFrame callback, set the control's value and dispatch
// `input` + `change`, and queue a setTimeout(0) there. The time runs until that task fires (after
// the frame is painted) or, if no `data-value` in the figure has changed by then, until the first
// later frame after which one has. Hover rows dispatch a pointerover on a cell instead and wait
// for the frame that shows it (the linked cells' class). Whether the figure has changed is checked
// against a copy taken before the change, and the check that stops the clock runs after the clock
// is read: a MutationObserver would time itself too (a record per changed value, ~0.8 µs each;
// /ttsr-search-transfer changes 1,776 in its frame). p50, p90 and the share of changes within one
// frame (16.7 ms). Prints a table and JSON.
// Not a test: numbers depend on the machine (noisy on a shared 2-core box).
import { readdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_FLAGS, resolveChromium } from '../../tests/browser/chromium.js';

const FRAME_MS = 1000 / 60;
const CHANGES = Number(process.env.CHANGES ?? 30);
const ONLY = process.env.PAGES?.split(',');

// The control each page toggles between two valid values (the default and one next to it), on the
// default step unless a step is given; a chapter not listed here toggles `seed`. `hover` rows move
// the pointer between two cells of the named tensor instead.
const special = {
  'shifted-windows': [
    { param: 'shift_size', a: '1', b: '2' },
    { param: 'shift_size', a: '1', b: '2', step: 5 },
    { hover: 'shifted_x', a: '0,0,0,0', b: '0,8,8,0' }
  ],
  'window-attention': [
    { param: 'seed', a: '0', b: '1' },
    { hover: 'qkv_linear', a: '0,0,0', b: '3,15,17' }
  ],
  'ttsr-search-transfer': [{ param: 'pair', a: '1', b: '2' }],
  // Its parameters run a trained model in a worker (seconds, with progress and Cancel), not a
  // within-a-frame redraw: timed per 128×128 image by its own tests and reported in the README.
  'trained-swinir': []
};
const slugs = readdirSync(new URL('../../content', import.meta.url))
  .filter((f) => /^\d+-/.test(f))
  .sort()
  .map((f) => f.replace(/^\d+-/, ''))
  .filter((s) => !ONLY || ONLY.includes(s));
const pages = slugs.flatMap((slug) =>
  (special[slug] ?? [{ param: 'seed', a: '0', b: '1' }]).map((row) => ({ slug, ...row }))
);

const quantile = (xs, q) => [...xs].sort((x, y) => x - y)[Math.floor(q * (xs.length - 1))];

/**
 * Runs in the page: `n` changes, each timed from its rAF to the frame that shows it (new
 * data-values, or for a hover the linked cells).
 */
async function measureChanges([figure, param, hover, a, b, n]) {
  const fig = document.querySelector(figure);
  const input = param && fig.querySelector(`[name="${param}"]`);
  const cell = (index) => fig.querySelector(`[data-tensor="${hover}"] [data-index="${index}"]`);
  // What the figure shows, read outside the timed span: new data-values for a parameter change,
  // the linked cells' class for a hover.
  const [selector, attr] = hover ? ['.cell', 'class'] : ['[data-value]', 'data-value'];
  const snapshot = () => Array.from(fig.querySelectorAll(selector), (el) => el.getAttribute(attr));
  const differs = (a, b) => a.length !== b.length || a.some((v, i) => v !== b[i]);
  let before = [];
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ms = [];
  for (let i = 0; i <= n; i++) {
    await new Promise((r) => setTimeout(r, 60)); // let the previous change (and idle work) settle
    before = snapshot();
    const painted = await new Promise((resolve) =>
      requestAnimationFrame(() => {
        const t0 = performance.now();
        if (hover) {
          cell(i % 2 ? a : b).dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        } else {
          input.value = i % 2 ? a : b;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }
        setTimeout(async () => {
          let t = performance.now();
          let changed = differs(before, snapshot());
          for (let k = 0; !changed && k < 600; k++) {
            await frame();
            t = performance.now();
            changed = differs(before, snapshot());
          }
          resolve(changed ? t - t0 : NaN);
        }, 0);
      })
    );
    ms.push(painted);
  }
  return ms.slice(1); // the first change warms up caches
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
    const ms = await page.evaluate(measureChanges, [figure, param, hover, a, b, CHANGES]);
    const lost = ms.filter((t) => Number.isNaN(t)).length;
    if (lost)
      throw new Error(`/${slug} ${param ?? hover}: ${lost} changes never showed new values`);
    rows.push({
      page: `/${slug}${step ? ` step ${step}` : ''}`,
      change: param ?? `hover ${hover}`,
      p50_ms: quantile(ms, 0.5),
      p90_ms: quantile(ms, 0.9),
      within_one_frame: ms.filter((t) => t <= FRAME_MS).length / ms.length
    });
    await page.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
const f1 = (v) => v.toFixed(1).padStart(7);
console.log(`\n${'page'.padEnd(30)} ${'change'.padEnd(18)}     p50     p90  in one frame`);
for (const r of rows)
  console.log(
    `${r.page.padEnd(30)} ${r.change.padEnd(18)} ${f1(r.p50_ms)} ${f1(r.p90_ms)}  ${(100 * r.within_one_frame).toFixed(0).padStart(8)} %`
  );
console.log(JSON.stringify({ date: new Date().toISOString(), changes: CHANGES, rows }));
