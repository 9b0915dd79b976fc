import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  // The trace worker code-splits (dynamic imports of trace modules), which needs ES workers.
  worker: { format: 'es' },
  // PROFILE=1 keeps names readable for a CPU profile (npm run build with it, then profile).
  build: { chunkSizeWarningLimit: 700, minify: process.env.PROFILE !== '1' }
});
