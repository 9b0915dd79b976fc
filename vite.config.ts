import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  build: { chunkSizeWarningLimit: 700 }
});
