// Every page is prerendered to static HTML; figures hydrate and compute in the browser.
export const prerender = true;
