import { loadChapterComponent } from '$lib/content/chapter-components';
import type { PageLoad } from './$types';

// The chapter's own component (its prose and figures) is its own chunk, loaded only here.
export const load: PageLoad = async ({ data, params }) => ({
  ...data,
  component: await loadChapterComponent(params.slug)
});
