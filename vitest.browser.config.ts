import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, resolveChromium } from './tests/browser/chromium.js';

// The tensor core's tests (golden parity, invariants, leaks) again, in Chromium, on the backend
// PARITY_BACKEND names: wasm (default) or webgl (software GL here: one file at a time, since
// every test file opens its own WebGL context and shader compiles are slow).
const backend = process.env.PARITY_BACKEND ?? 'wasm';
if (!['wasm', 'webgl'].includes(backend))
  throw new Error(`PARITY_BACKEND=${backend}: use wasm or webgl`);
const webgl = backend === 'webgl';

export default defineConfig({
  resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
  // Pre-bundle every dependency up front: a dependency found mid-run (the webgl backend after a
  // wasm run) makes Vite re-optimise and reload, and test files then fail to import.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
      'fast-check'
    ]
  },
  test: {
    include: ['src/lib/tensor/**/*.test.ts'],
    setupFiles: [`tests/unit/setup-${backend}.ts`],
    // Software WebGL compiles a shader per new shape: property tests need minutes on a busy box.
    testTimeout: webgl ? 300_000 : 60_000,
    fileParallelism: !webgl,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: await resolveChromium(),
          args: webgl
            ? [...CHROMIUM_FLAGS, '--enable-unsafe-swiftshader', '--use-angle=swiftshader']
            : CHROMIUM_FLAGS
        }
      }),
      instances: [{ browser: 'chromium' }]
    }
  }
});
