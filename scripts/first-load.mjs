// `npm run size` (after `npm run build`): the JavaScript each prerendered page loads first — every
// script its HTML references (modulepreload links, <script src>, the inline import()s) and their
// static imports — gzip -9, and what the chapter's own chunk adds when the page's load() imports it.
// The browser suite (tests/browser/first-load.spec.ts) asserts the limits on the same numbers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUILD = fileURLToPath(new URL('../build', import.meta.url));
/** A string only tfjs-core carries (its URL flag parser), so a chunk holding tfjs holds this. */
export const TFJS_MARKER = 'tfjsflags';

/** @param {Buffer} buf */
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/**
 * Script URLs an HTML page references, as files under `build`.
 * @param {string} htmlPath
 */
function referenced(htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  const urls = [
    ...html.matchAll(/<link[^>]+href="([^"]+\.js)"[^>]*rel="modulepreload"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/import\("([^"]+\.js)"\)/g)
  ].map((m) => m[1]);
  return [...new Set(urls.map((u) => resolve(dirname(htmlPath), u)))];
}

/**
 * `files` and every module they import statically (not `import()`), transitively.
 * @param {string[]} files
 * @returns {string[]}
 */
function withStaticImports(files) {
  /** @type {Set<string>} */
  const seen = new Set();
  const stack = [...files];
  while (stack.length) {
    const file = /** @type {string} */ (stack.pop());
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[\w$*{},\s]+from\s*)?["']([^"']+\.js)["']/g
    ))
      stack.push(resolve(dirname(file), m[1]));
    for (const m of code.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
      stack.push(resolve(dirname(file), m[1]));
  }
  return [...seen];
}

/** @param {string[]} files */
function measure(files) {
  let bytes = 0;
  let gzip = 0;
  let code = '';
  for (const f of files) {
    const buf = readFileSync(f);
    bytes += buf.length;
    gzip += gz(buf);
    code += buf.toString('utf8') + '\n';
  }
  return { files: files.map((f) => relative(BUILD, f)), bytes, gzip, code };
}

const MANIFEST = fileURLToPath(
  new URL('../.svelte-kit/output/client/.vite/manifest.json', import.meta.url)
);

/** slug → the chapter's own chunk (content/NN-slug/index.md) as a file under `build`. */
/**
 * @param {string} build
 * @returns {Map<string, string>}
 */
function chapterChunks(build) {
  if (!existsSync(MANIFEST)) return new Map();
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  /** @type {Map<string, string>} */
  const chunks = new Map();
  for (const [key, entry] of Object.entries(manifest)) {
    const m = /^content\/\d+-([^/]+)\/index\.md$/.exec(key);
    if (m) chunks.set(m[1], join(build, entry.file));
  }
  return chunks;
}

/**
 * Every prerendered page: `first`, its first-load JS (HTML-referenced + static imports), and
 * `chapter`, what its load() then imports for the chapter (its chunk and static imports not
 * already loaded).
 */
export function firstLoad(build = BUILD) {
  const chunks = chapterChunks(build);
  // Nested pages too (lessons/<slug>.html): every prerendered page is measured.
  const pages = /** @type {string[]} */ (readdirSync(build, { recursive: true, encoding: 'utf8' }))
    .filter((f) => f.endsWith('.html'))
    .sort();
  return pages.map((page) => {
    const slug = page.replace(/(index)?\.html$/, '');
    const first = withStaticImports(referenced(join(build, page)));
    const chunk = chunks.get(slug);
    const chapter = chunk ? withStaticImports([chunk]).filter((f) => !first.includes(f)) : [];
    return { page: '/' + slug, first: measure(first), chapter: measure(chapter) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = firstLoad();
  const kb = (/** @type {number} */ n) => (n / 1024).toFixed(1).padStart(8);
  // The page column fits the longest path (a lesson's speaker view is 40 characters).
  const width = Math.max(...rows.map((r) => r.page.length)) + 1;
  console.log(
    `${'page'.padEnd(width)} first load: files  gzip KB | + chapter chunk: files  gzip KB | tfjs`
  );
  for (const { page, first, chapter } of rows)
    console.log(
      `${page.padEnd(width)} ${String(first.files.length).padStart(17)} ${kb(first.gzip)} | ${String(chapter.files.length).padStart(22)} ${kb(chapter.gzip)} | ${(first.code + chapter.code).includes(TFJS_MARKER) ? 'YES' : 'no'}`
    );
}
