/** Starts the denoising worker (a plain module so Vite bundles worker.ts as a module worker). */
export function spawnWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}
