import { chapters } from '$lib/content/chapters';

export function load() {
  return { chapters };
}
