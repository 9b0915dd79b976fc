/**
 * Where the live numbers in a chapter's prose come from: one lazy loader per page, each running
 * that page's `*Facts()` (real tensors, computed in the browser). Loaders import tfjs on demand,
 * so the prerendered text shows first.
 */
type Facts = Record<string, string>;

async function run(facts: () => Facts): Promise<Facts> {
  const { readyCpu } = await import('$lib/tensor/backend');
  await readyCpu();
  return facts();
}

export const factSources = {
  'heads-vs-convolution': () =>
    import('$lib/trace/heads-vs-convolution-facts').then((m) => run(m.headsVsConvFacts)),
  restormer: () => import('$lib/trace/restormer-facts').then((m) => run(m.restormerFacts)),
  'unfold-fold': () => import('$lib/trace/unfold-fold').then((m) => run(m.unfoldFoldFacts)),
  'ttsr-search-transfer': () =>
    import('$lib/trace/ttsr-search-transfer').then((m) => run(m.ttsrFacts))
} satisfies Record<string, () => Promise<Facts>>;

export type FactSource = keyof typeof factSources;
