// One slug rule for heading ids (rehype plugin in svelte.config.js) and the "on this page" outline.
/** @param {string} text */
export function slugify(text) {
  return text
    .toLowerCase()
    .replace(/[`*_~]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** Plain text of a hast node. @param {any} node @returns {string} */
function hastText(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(hastText).join('');
}

/** rehype plugin: give h2/h3 an id from their text, so the outline can link to them. */
export function rehypeHeadingIds() {
  /** @param {any} node */
  const visit = (node) => {
    if (node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3')) {
      node.properties = { ...node.properties, id: slugify(hastText(node)) };
    }
    for (const child of node.children ?? []) visit(child);
  };
  return visit;
}
