import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, resolveChromium } from './tests/browser/chromium.js';

// The tensor core's tests (golden parity, invariants, leaks) again, in Chromium on wasm.
export default defineConfig({
  resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
  test: {
    include: ['src/lib/tensor/**/*.test.ts'],
    setupFiles: ['tests/unit/setup-wasm.ts'],
    testTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: { executablePath: await resolveChromium(), args: CHROMIUM_FLAGS }
      }),
      instances: [{ browser: 'chromium' }]
    }
  }
});
