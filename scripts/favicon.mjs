// `node scripts/favicon.mjs`: static/favicon.png (32×32) from scripts/favicon.svg, drawn by Chromium.
// Why a PNG: Chrome fetches the page's icon again after every history.replaceState, and an SVG icon
// is parsed into a new SVG document on the page's main thread each time (1.6–3.3 ms in a trace,
// once per URL write); a 32×32 PNG decodes in ~0.1 ms.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, resolveChromium } from '../tests/browser/chromium.js';

const svg = readFileSync(new URL('favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: await resolveChromium(),
  args: CHROMIUM_FLAGS
});
try {
  const page = await browser.newPage({ viewport: { width: 32, height: 32 } });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="32" height="32" style="display:block">`
  );
  await page.screenshot({
    path: fileURLToPath(new URL('../static/favicon.png', import.meta.url)),
    omitBackground: true
  });
} finally {
  await browser.close();
}
