/**
 * The page side of the denoising worker: one rune class holding the latest run's results and its
 * progress. Replies to a superseded request are ignored; Cancel terminates the worker (the next
 * run starts a fresh one), so the page never waits on a run nobody wants. A new σ or seed keeps the
 * last results on screen until the new ones replace them: the views keep their DOM and only
 * repaint, where clearing them made every run unmount and remount some 70 canvases.
 */
import type { BlockAttention } from '$lib/tensor/swinir';
import type { BiasTable, Rgb } from './denoise';
import { spawnWorker } from './spawn';
import type { Body, Metrics, Reply, Request, Which } from './protocol';

export type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export class Runner {
  status = $state<Status>('idle');
  progress = $state({ done: 0, total: 1, stage: '' });
  error = $state<string | null>(null);
  noisy = $state.raw<Float32Array | null>(null);
  denoised = $state.raw<Float32Array | null>(null);
  /** The clean image the current noisy/denoised belong to. */
  clean = $state.raw<Rgb | null>(null);
  /** The σ (0–255 scale) of the noisy image shown. */
  sigma = $state(0);
  metrics = $state.raw<Metrics | null>(null);
  ms = $state<number | null>(null);
  backend = $state('');
  bias = $state.raw<Record<Which, BiasTable[]> | null>(null);
  attention = $state.raw<Record<Which, BlockAttention[]> | null>(null);
  pixel = $state.raw<[number, number] | null>(null);
  /** The pixel last picked on an image (its attention may still be on the way): where keys move from. */
  picked = $state.raw<[number, number] | null>(null);
  liveTensors = $state<number | null>(null);
  /** Runs finished (for the leak check's bookkeeping). */
  runs = $state(0);

  #worker: Worker | null = null;
  #id = 0;
  #asked: { clean: Rgb; sigma: number } | null = null;
  #urls: Record<Which, string>;

  constructor(urls: Record<Which, string>) {
    this.#urls = urls;
  }

  #send(req: Body): void {
    const id = ++this.#id;
    if (!this.#worker) {
      this.#worker = spawnWorker();
      this.#worker.onmessage = (e: MessageEvent<Reply>) => this.#receive(e.data);
      this.#worker.onerror = (e) => {
        this.status = 'error';
        this.error = `the denoising worker failed: ${e.message}`;
      };
    }
    this.status = 'running';
    this.error = null;
    this.progress = { done: 0, total: 1, stage: 'starting' };
    this.#worker.postMessage({ ...req, id, urls: this.#urls } as Request);
  }

  #receive(r: Reply): void {
    if (r.id !== this.#id) return; // a superseded request
    if (r.type === 'progress') this.progress = { done: r.done, total: r.total, stage: r.stage };
    else if (r.type === 'denoised') {
      if (this.#asked) ({ clean: this.clean, sigma: this.sigma } = this.#asked);
      this.noisy = r.noisy;
      this.denoised = r.denoised;
      this.metrics = r.metrics;
      this.ms = r.ms;
      this.backend = r.backend;
      // The tables are the models' weights: asked for only while the page has none.
      if (r.bias) this.bias = r.bias;
    } else if (r.type === 'attention') {
      this.attention = r.attention;
      this.pixel = r.pixel;
      this.liveTensors = r.liveTensors;
      this.status = 'done';
      this.runs++;
    } else {
      this.status = 'error';
      this.error = r.message;
    }
  }

  run(clean: Rgb, sigma: number, seed: number, pixel: [number, number]): void {
    if (clean !== this.clean) {
      // Another photo: the last results do not belong to it.
      this.clean = null;
      this.noisy = null;
      this.denoised = null;
      this.attention = null;
    }
    this.#asked = { clean, sigma };
    // The worker fits the run's pixel to the image and answers with it (this.pixel).
    this.picked = null;
    this.#send({ type: 'run', clean, sigma, seed, pixel, bias: this.bias === null });
  }

  attend(pixel: [number, number]): void {
    if (!this.denoised) return;
    this.picked = pixel;
    this.#send({ type: 'attend', pixel });
  }

  cancel(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#id++;
    this.status = 'cancelled';
  }

  destroy(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
