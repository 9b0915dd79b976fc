/**
 * Each chapter's page component (`content/NN-slug/index.md`), loaded only on its own page: the
 * glob below is lazy, so every chapter is its own chunk.
 */
import type { Component } from 'svelte';

const components = import.meta.glob<{ default: Component }>('/content/*/index.md');

/** `/content/02-shifted-windows/index.md` → `shifted-windows`. */
export function slugOfFolder(path: string): string {
  const folder = path.split('/').at(-2) ?? '';
  const match = /^(\d+)-(.+)$/.exec(folder);
  if (!match) throw new Error(`content folder "${folder}" must be named NN-slug`);
  return match[2];
}

const paths = new Map(Object.keys(components).map((p) => [slugOfFolder(p), p]));

export async function loadChapterComponent(slug: string): Promise<Component> {
  const path = paths.get(slug);
  if (!path) throw new Error(`no chapter "${slug}"`);
  return (await components[path]()).default;
}
