import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, resolveChromium } from './tests/browser/chromium';

const executablePath = await resolveChromium();

// Browser tests run against the built, prerendered site served by `vite preview` on 127.0.0.1.
export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: 'http://127.0.0.1:4173',
    launchOptions: { executablePath, args: CHROMIUM_FLAGS },
    viewport: { width: 1280, height: 900 }
  },
  webServer: {
    command: 'npm run preview',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000
  }
});
