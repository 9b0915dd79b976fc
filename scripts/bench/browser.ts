// Runs in headless Chromium: every case on every backend that starts, median of `repeats` runs.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as ort from 'onnxruntime-web/wasm';
import ortWasm from 'ort-dist/ort-wasm-simd-threaded.wasm?url';
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

interface Pair {
  case: string;
  tfjs_ms: number | null;
  ort_ms: number | null;
  ratio: number | null;
  runs: number;
  error?: string;
}

type Models = Record<string, { url: string; shape: number[] }>;

/**
 * Each case that has an ONNX export: tfjs on wasm and onnxruntime-web (wasm backend, SIMD,
 * 1 thread) alternating run by run after one warm-up each; medians of each side.
 */
async function runPairs(models: Models, repeats: number): Promise<Pair[]> {
  const pairs: Pair[] = [];
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = { wasm: ortWasm };
  if (!(await tf.setBackend('wasm'))) return pairs;
  await tf.ready();
  for (const c of cases) {
    const model = c.onnx && models[c.onnx];
    if (!model) continue;
    (document.getElementById('status') as HTMLElement).textContent = `pairs ${c.name}`;
    try {
      const bytes = new Uint8Array(await (await fetch(model.url)).arrayBuffer());
      const session = await ort.InferenceSession.create(bytes, {
        executionProviders: ['wasm'],
        graphOptimizationLevel: 'all'
      });
      const n = model.shape.reduce((p, s) => p * s, 1);
      const input = Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 0.2);
      const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', input, model.shape) };
      const { run, dispose } = c.setup();
      const tfjsTimes: number[] = [];
      const ortTimes: number[] = [];
      for (let i = 0; i < repeats + 1; i++) {
        let t0 = performance.now();
        const out = run();
        await out.data();
        const dt = performance.now() - t0;
        out.dispose();
        t0 = performance.now();
        const result = await session.run(feeds);
        const dOrt = performance.now() - t0;
        for (const t of Object.values(result)) t.dispose();
        if (i > 0) {
          tfjsTimes.push(dt);
          ortTimes.push(dOrt);
        }
      }
      dispose();
      await session.release();
      const [a, b] = [median(tfjsTimes), median(ortTimes)];
      pairs.push({ case: c.name, tfjs_ms: a, ort_ms: b, ratio: a / b, runs: tfjsTimes.length });
    } catch (err) {
      pairs.push({
        case: c.name,
        tfjs_ms: null,
        ort_ms: null,
        ratio: null,
        runs: 0,
        error: String(err)
      });
    }
  }
  return pairs;
}

(window as unknown as { runBench: typeof runAll }).runBench = runAll;
(window as unknown as { runPairs: typeof runPairs }).runPairs = runPairs;
(document.getElementById('status') as HTMLElement).textContent = 'ready';
