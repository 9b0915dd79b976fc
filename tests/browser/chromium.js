/**
 * Which Chromium the browser tests and the benchmark drive: $CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else the one shipped inside the npm package @sparticuz/chromium (so a fresh
 * machine needs only npm; `npx playwright install` cannot download here).
 */
import { existsSync } from 'node:fs';

/** Flags for a closed network: no background requests, no QUIC, no first-run work. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
];

/** @returns {Promise<string>} the path of a Chromium executable */
export async function resolveChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}
