/**
 * The /trained-swinir Web Worker: SwinIR on the wasm backend, off the main thread. It keeps the two
 * models (trained, initial) and the last noisy image, so a click on another pixel only reruns the
 * forward for its attention. The page cancels a run by terminating this worker.
 */
import { readyWasm } from '$lib/tensor/backend';
import * as tf from '@tensorflow/tfjs-core';
import { addNoise, biasTables, loadModel, runModel, type Model } from './denoise';
import { psnr, ssim } from './metrics';
import type { BlockAttention } from '$lib/tensor/swinir';
import type { Reply, Request, Which } from './protocol';

const ready = readyWasm();
const models = new Map<string, Promise<Model>>();
let last: { noisy: Float32Array; H: number; W: number } | null = null;

function model(url: string): Promise<Model> {
  let m = models.get(url);
  if (!m) {
    m = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`could not load the model ${url} (HTTP ${res.status})`);
      return loadModel(new Uint8Array(await res.arrayBuffer()));
    });
    models.set(url, m);
  }
  return m;
}

const post = (r: Reply, transfer: Transferable[] = []) => self.postMessage(r, { transfer });
/** The buffers of a run's attention rows and key tables: moved to the page, not copied. */
const buffersOf = (attention: Record<Which, BlockAttention[]>) =>
  Object.values(attention).flatMap((blocks) =>
    blocks.flatMap((b) => [b.weights.buffer, b.keys.buffer])
  );

function attend(id: number, ms: Record<Which, Model>, pixel: [number, number], offset: number) {
  const { noisy, H, W } = last!;
  const attention = {} as Record<Which, ReturnType<typeof runModel>['attention']>;
  (['trained', 'init'] as const).forEach((which, k) => {
    const stage = which === 'trained' ? 'attention, trained' : 'attention, initial weights';
    attention[which] = runModel(ms[which], noisy, H, W, pixel, (done, total) =>
      post({
        type: 'progress',
        id,
        done: offset + k * total + done,
        total: offset + 2 * total,
        stage
      })
    ).attention;
  });
  post(
    { type: 'attention', id, pixel, attention, liveTensors: tf.memory().numTensors },
    buffersOf(attention)
  );
}

self.onmessage = async (e: MessageEvent<Request>) => {
  const req = e.data;
  try {
    await ready;
    post({ type: 'progress', id: req.id, done: 0, total: 1, stage: 'loading the weights' });
    const [trained, init] = await Promise.all([model(req.urls.trained), model(req.urls.init)]);
    const ms = { trained, init };
    if (req.type === 'run') {
      const { width: W, height: H } = req.clean;
      const noisy = addNoise(req.clean, req.sigma, req.seed);
      const total = trained.args.depths.reduce((a, b) => a + b, 0);
      const t0 = performance.now();
      const { out, attention } = runModel(trained, noisy, H, W, req.pixel, (done) =>
        post({ type: 'progress', id: req.id, done, total: 2 * total, stage: 'denoising' })
      );
      const elapsed = performance.now() - t0;
      last = { noisy, H, W };
      const clean = req.clean.data;
      const metrics = {
        psnrNoisy: psnr(noisy, clean),
        psnrDenoised: psnr(out, clean),
        ssimNoisy: ssim(noisy, clean, 3, H, W),
        ssimDenoised: ssim(out, clean, 3, H, W)
      };
      // The page gets its own copy of noisy (the worker keeps one for the next pixel's attention)
      // and the output itself: both moved, not cloned.
      const shown = noisy.slice();
      const bias = req.bias ? { trained: biasTables(trained), init: biasTables(init) } : null;
      post(
        {
          type: 'denoised',
          id: req.id,
          noisy: shown,
          denoised: out,
          metrics,
          ms: elapsed,
          backend: tf.getBackend(),
          bias
        },
        [
          shown.buffer,
          out.buffer,
          ...(bias ? [...bias.trained, ...bias.init].map((t) => t.data.buffer) : [])
        ]
      );
      const initAttention = runModel(init, noisy, H, W, req.pixel, (done) =>
        post({
          type: 'progress',
          id: req.id,
          done: total + done,
          total: 2 * total,
          stage: 'initial weights'
        })
      ).attention;
      const both = { trained: attention, init: initAttention };
      post(
        {
          type: 'attention',
          id: req.id,
          pixel: req.pixel,
          attention: both,
          liveTensors: tf.memory().numTensors
        },
        buffersOf(both)
      );
    } else {
      if (!last) throw new Error('no image has been denoised yet');
      attend(req.id, ms, req.pixel, 0);
    }
  } catch (err) {
    post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
};
