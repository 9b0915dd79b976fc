import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, resolveChromium } from './tests/browser/chromium.js';

const executablePath = await resolveChromium();
// PW_PORT lets several checkouts test at once; PW_DEV=1 tests against `vite dev` (no build needed).
const port = Number(process.env.PW_PORT ?? 4173);
const dev = process.env.PW_DEV === '1';

// Browser tests run against the built, prerendered site served by `vite preview` on 127.0.0.1.
export default defineConfig({
  // Site-wide specs in tests/browser; each chapter's own spec beside it in content/NN-slug/.
  testDir: '.',
  testMatch: ['tests/browser/**/*.spec.ts', 'content/**/*.spec.ts'],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath, args: CHROMIUM_FLAGS },
    viewport: { width: 1280, height: 900 }
  },
  webServer: {
    command: dev
      ? `npx vite dev --host 127.0.0.1 --port ${port} --strictPort`
      : `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    // Never reuse: a preview server started before the last build serves a stale file index.
    reuseExistingServer: false,
    timeout: 60_000
  }
});
