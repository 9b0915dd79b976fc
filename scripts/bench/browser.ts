// Runs in headless Chromium: every case on every backend that starts, median of `repeats` runs.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { cases } from './cases';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded
});

interface Row {
  backend: string;
  case: string;
  median_ms: number | null;
  runs: number;
  error?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function runAll(backends: string[], repeats: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const backend of backends) {
    const ok = await tf
      .setBackend(backend)
      .then(async (set) => set && (await tf.ready(), true))
      .catch(() => false);
    if (!ok) {
      rows.push({ backend, case: '*', median_ms: null, runs: 0, error: 'backend unavailable' });
      continue;
    }
    for (const c of cases) {
      (document.getElementById('status') as HTMLElement).textContent = `${backend} ${c.name}`;
      try {
        const { run, dispose } = c.setup();
        const times: number[] = [];
        for (let i = 0; i < repeats + 1; i++) {
          const t0 = performance.now();
          const out = run();
          await out.data(); // includes the read-back, as a page would
          const dt = performance.now() - t0;
          out.dispose();
          if (i > 0) times.push(dt); // the first run warms up kernels and shader compiles
        }
        dispose();
        rows.push({ backend, case: c.name, median_ms: median(times), runs: times.length });
      } catch (err) {
        rows.push({ backend, case: c.name, median_ms: null, runs: 0, error: String(err) });
      }
    }
  }
  return rows;
}

(window as unknown as { runBench: typeof runAll }).runBench = runAll;
(document.getElementById('status') as HTMLElement).textContent = 'ready';
