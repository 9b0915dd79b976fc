// `npm run screenshot` (after `npm run build`): the README's picture, the /window-partition figure
// at the flatten step with one pixel linked, written to static/screenshot.png.
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_FLAGS, resolveChromium } from '../tests/browser/chromium.js';

const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: await resolveChromium(),
  args: CHROMIUM_FLAGS
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${base}/window-partition?step=3`);
  await page.waitForSelector('[data-figure="window-partition"][data-ready="true"]');
  await page.hover('[data-tensor="x"] [data-index="0,5,6,1"]');
  const box = await page.locator('[data-figure]').evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
  });
  await page.screenshot({
    path: 'static/screenshot.png',
    fullPage: true,
    clip: {
      x: box.x - 8,
      y: box.y - 8,
      width: box.width + 16,
      height: Math.min(box.height, 1150) + 16
    }
  });
} finally {
  await browser.close();
  server.httpServer.close();
}
