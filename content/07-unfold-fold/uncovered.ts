/**
 * Pixels no patch covers: with some (kernel_size, stride, padding) the last rows or columns, or
 * the gaps between patches, are never read. Found from the overlap count and explained in words.
 */

/** The parameters the sentence names (a subset of the page's `UnfoldFoldParams`). */
export interface CoverParams {
  H: number;
  W: number;
  kernel_size: number;
  stride: number;
  padding: number;
}

/** Rows, columns and the count of pixels no patch covers, from the overlap count `[H, W]`. */
export function uncovered(count: ArrayLike<number>, H: number, W: number) {
  const rows: number[] = [];
  const cols: number[] = [];
  let n = 0;
  for (let i = 0; i < H * W; i++) if (count[i] === 0) n++;
  for (let y = 0; y < H; y++) {
    let all = true;
    for (let x = 0; x < W; x++) all &&= count[y * W + x] === 0;
    if (all) rows.push(y);
  }
  for (let x = 0; x < W; x++) {
    let all = true;
    for (let y = 0; y < H; y++) all &&= count[y * W + x] === 0;
    if (all) cols.push(x);
  }
  return { n, rows, cols };
}

const list = (xs: number[]) =>
  xs.length === 1 ? String(xs[0]) : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;

/** A sentence on the uncovered pixels, or '' when every pixel is in some patch. */
export function uncoveredSentence(
  u: ReturnType<typeof uncovered>,
  p: CoverParams,
  outH: number,
  outW: number
): string {
  if (u.n === 0) return '';
  const parts: string[] = [];
  if (u.rows.length) parts.push(`row${u.rows.length > 1 ? 's' : ''} ${list(u.rows)}`);
  if (u.cols.length) parts.push(`column${u.cols.length > 1 ? 's' : ''} ${list(u.cols)}`);
  const where = parts.length ? ` (all of ${parts.join(' and ')})` : '';
  const lastY = (outH - 1) * p.stride + p.kernel_size - 1 - p.padding;
  const lastX = (outW - 1) * p.stride + p.kernel_size - 1 - p.padding;
  const why: string[] = [];
  if (lastY < p.H - 1) why.push(`the lowest of the ${outH} patch rows ends at image row ${lastY}`);
  if (lastX < p.W - 1)
    why.push(`the rightmost of the ${outW} patch columns ends at image column ${lastX}`);
  if (p.stride > p.kernel_size)
    why.push(`stride ${p.stride} > kernel_size ${p.kernel_size} leaves gaps between patches`);
  return (
    `${u.n} pixel${u.n > 1 ? 's are' : ' is'} covered by no patch${where}: ${why.join('; ')}` +
    '. There x_fold is 0 and overlap_count is 0, so dividing is 0/0 (NaN in PyTorch); ' +
    'the page divides by max(count, 1) and gets 0: those pixels are lost, not restored.'
  );
}
