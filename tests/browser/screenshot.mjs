// Usage: node tests/browser/screenshot.mjs <url> <out.png> [width] — a README/look-see helper.
import { chromium } from '@playwright/test';
const [url, out, width = '1280'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
  ]
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url);
await page.waitForSelector('[data-ready="true"]', { timeout: 15000 }).catch(() => {});
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
