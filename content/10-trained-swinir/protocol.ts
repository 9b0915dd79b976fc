/** Messages between /trained-swinir and its denoising worker (plain data, structured-clone safe). */
import type { BlockAttention } from '$lib/tensor/swinir';
import type { BiasTable, Rgb } from './denoise';

export type Which = 'trained' | 'init';

export interface Metrics {
  psnrNoisy: number;
  psnrDenoised: number;
  ssimNoisy: number;
  ssimDenoised: number;
}

/** What the page asks for; a request adds its id and the two models' URLs. */
export type Body =
  | {
      type: 'run';
      clean: Rgb;
      sigma: number;
      seed: number;
      pixel: [number, number];
      /** Whether to send the bias tables (the page has none yet). */
      bias: boolean;
    }
  /** The attention of another pixel on the last run's noisy image (both models, no new noise). */
  | { type: 'attend'; pixel: [number, number] };

export type Request = Body & { id: number; urls: Record<Which, string> };

export type Reply =
  | { type: 'progress'; id: number; done: number; total: number; stage: string }
  | {
      type: 'denoised';
      id: number;
      noisy: Float32Array;
      denoised: Float32Array;
      /** PSNR (dB) and SSIM of noisy and denoised against clean, computed in the worker. */
      metrics: Metrics;
      /** Milliseconds of the trained model's forward on the worker's backend. */
      ms: number;
      backend: string;
      /** The learned tables when asked for (they are weights: the page needs them once). */
      bias: Record<Which, BiasTable[]> | null;
    }
  | {
      type: 'attention';
      id: number;
      pixel: [number, number];
      attention: Record<Which, BlockAttention[]>;
      /** Tensors alive in the worker after the run (the leak check). */
      liveTensors: number;
    }
  | { type: 'error'; id: number; message: string };
