// `npm run bench`: times the tensor core in headless Chromium (cpu, wasm, webgl) and, when
// /usr/bin/python3 has torch, the same computations in PyTorch (1 thread) and in onnxruntime-web
// (wasm, SIMD, 1 thread; the ONNX export of our PyTorch code, made into bench-results/onnx at
// bench time), in the same run. The Swin stage-1 cases are also timed as pairs: tfjs-wasm and
// onnxruntime-web alternating run by run, so load on a shared machine hits both alike.
// Prints a readable table and one JSON object; writes bench-results/latest.json. Not a test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { CHROMIUM_FLAGS, resolveChromium } from '../../tests/browser/chromium.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const backends = (process.env.BENCH_BACKENDS ?? 'cpu,wasm,webgl').split(',');

function torchTimes() {
  try {
    const out = execFileSync('/usr/bin/python3', [`${here}/torch_bench.py`, String(repeats)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    });
    return JSON.parse(out);
  } catch (err) {
    console.error(`PyTorch not timed (${String(err).split('\n')[0]})`);
    return null;
  }
}

/** ONNX exports of our PyTorch SW-MSA and Swin block (scripts/bench/swin_onnx.py), or none. */
function onnxModels() {
  try {
    const out = execFileSync(
      '/usr/bin/python3',
      [`${here}/swin_onnx.py`, `${root}/bench-results/onnx`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
    );
    const { models } = JSON.parse(out);
    return Object.fromEntries(
      Object.entries(models).map(([name, m]) => [name, { url: `/@fs${m.path}`, shape: m.shape }])
    );
  } catch (err) {
    console.error(`onnxruntime-web not timed: no ONNX export (${String(err).split('\n')[0]})`);
    return {};
  }
}
const onnx = onnxModels();

const server = await createServer({
  configFile: false,
  root: here,
  logLevel: 'error',
  resolve: {
    alias: {
      $lib: `${root}/src/lib`,
      // onnxruntime-web's .wasm is served from node_modules by this server, never from a CDN.
      'ort-dist': `${root}/node_modules/onnxruntime-web/dist`
    }
  },
  server: { host: '127.0.0.1', port: 0, fs: { allow: [root] } }
});
await server.listen();
const port = server.httpServer.address().port;
const browser = await chromium.launch({
  executablePath: await resolveChromium(),
  args: [...CHROMIUM_FLAGS, '--enable-unsafe-swiftshader', '--use-angle=swiftshader']
});
let rows;
let pairs;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // Vite pre-bundles tfjs and onnxruntime-web on the first request: slow on a busy machine.
  await page.goto(`http://127.0.0.1:${port}/index.html`, { timeout: 180_000 });
  await page.waitForFunction(() => 'runBench' in window, null, { timeout: 180_000 });
  page.setDefaultTimeout(0);
  rows = await page.evaluate(([b, r]) => window.runBench(b, r), [backends, repeats]);
  pairs = await page.evaluate(([m, r]) => window.runPairs(m, r), [onnx, Math.max(repeats, 9)]);
} finally {
  await browser.close();
  await server.close();
}

const torch = torchTimes();
const result = {
  date: new Date().toISOString(),
  repeats,
  chromium: browser.version(),
  torch: torch && { version: torch.torch, threads: torch.threads },
  // tfjs-wasm vs onnxruntime-web (wasm SIMD, 1 thread), alternating run by run.
  pairs,
  rows: rows.map((r) => {
    const t = torch?.median_ms[r.case];
    return {
      ...r,
      torch_ms: t ?? null,
      ratio: t && r.median_ms ? r.median_ms / t : null
    };
  })
};

const fmt = (v, d = 1) => (v === null || v === undefined ? '—' : v.toFixed(d));
console.log(
  '\nbackend  case                                          tfjs ms   torch ms   tfjs/torch'
);
for (const r of result.rows) {
  console.log(
    `${r.backend.padEnd(8)} ${r.case.padEnd(45)} ${fmt(r.median_ms).padStart(8)} ${fmt(r.torch_ms, 2).padStart(10)} ${fmt(r.ratio, 2).padStart(12)}${r.error ? `  (${r.error})` : ''}`
  );
}
if (pairs.length) {
  console.log('\npaired, alternating runs     tfjs-wasm ms   onnxruntime-web ms   wasm / ort');
  for (const p of pairs) {
    console.log(
      `${p.case.padEnd(45)} ${fmt(p.tfjs_ms).padStart(8)} ${fmt(p.ort_ms).padStart(12)} ${fmt(p.ratio, 2).padStart(12)}${p.error ? `  (${p.error})` : ''}`
    );
  }
}
mkdirSync(`${root}/bench-results`, { recursive: true });
writeFileSync(`${root}/bench-results/latest.json`, JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
