import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import remarkMath from 'remark-math';
import rehypeKatexSvelte from 'rehype-katex-svelte';
import { rehypeHeadingIds } from './src/lib/content/slug.js';

/** @type {import('mdsvex').MdsvexOptions} */
const mdsvexOptions = {
  extensions: ['.md'],
  // Literal braces and quotes in prose must stay as typed (PyTorch code in inline code).
  smartypants: { quotes: false },
  // remark-math@3 is the last version mdsvex's unified understands (newer silently does nothing).
  remarkPlugins: [remarkMath],
  rehypePlugins: [rehypeKatexSvelte, rehypeHeadingIds]
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
  extensions: ['.svelte', '.md'],
  preprocess: [vitePreprocess(), mdsvex(mdsvexOptions)],
  onwarn(warning, handler) {
    // mdsvex emits `<script context="module">`; harmless under Svelte 5.
    if (warning.code === 'script_context_deprecated') return;
    handler(warning);
  },
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
    typescript: {
      // A chapter's code lives in its folder, content/NN-slug/: type-check it with src/.
      config: (tsconfig) => {
        tsconfig.include.push('../content/**/*.ts', '../content/**/*.svelte');
      }
    }
  }
};

export default config;
