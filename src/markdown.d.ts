// mdsvex turns content/**/*.md into Svelte components with frontmatter as `metadata`.
declare module '*.md' {
  import type { Component } from 'svelte';
  const component: Component;
  export default component;
  export const metadata: Record<string, unknown>;
}
