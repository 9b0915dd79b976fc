/**
 * The bytes of a shipped model file (static/models/NAME), for tests that run both in Node (read from
 * disk) and in Chromium (fetched from the Vite server that serves the repository root).
 */
export async function modelBytes(name: string): Promise<Uint8Array> {
  const url = new URL(`../../static/models/${name}`, import.meta.url);
  if (url.protocol === 'file:') {
    const fs = await import(/* @vite-ignore */ 'node:fs/promises');
    return new Uint8Array(await fs.readFile(url));
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`static/models/${name}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
