/**
 * Turns a tensor view into the file a format asks for, and hands it to the browser: SVG (vector,
 * in the page's colours), PNG at 2× (that SVG rasterised), `.npy`, JSON, or a PyTorch snippet for
 * the clipboard. Always the snapshot's full data, even where the drawing stops at a cap.
 */
import type { TensorView } from '$lib/trace/types';
import { defaultGrid, gridLayout } from '$lib/diagram/grid-layout';
import { formatValue, textOn, valueScale } from '$lib/diagram/color';
import { encodeNpy } from './npy';
import { tensorJson } from './json';
import { pytorchSnippet } from './pytorch';
import { tensorSvg } from './svg';

export const FORMATS = ['svg', 'png', 'npy', 'json', 'pytorch'] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** The call that made the tensor, when its caption is one (e.g. `torch.roll(x, shifts=…)`). */
export function callOf(view: TensorView): string | undefined {
  const c = view.caption?.trim();
  return c && /^[A-Za-z_][\w.]*\(.*\)$/.test(c) ? c : undefined;
}

function pageColours() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg', '#ffffff'),
    ink: v('--ink', '#111318'),
    inkSoft: v('--ink-soft', '#3d4250'),
    font: v('--font', 'sans-serif'),
    mono: v('--mono', 'monospace')
  };
}

export function svgOf(view: TensorView): string {
  const { shape, data, dtype } = view.snap;
  // The page's own layout, so the file looks like what the class saw.
  const layout = gridLayout(shape, view.name, view.grid ?? defaultGrid(shape.length), {
    maxWidth: 880
  });
  const scale = valueScale(data);
  let longest = 0;
  for (const c of layout.cells)
    longest = Math.max(longest, formatValue(data[c.flat], dtype).length);
  const drawn = layout.facetsDrawn < layout.facetCount;
  return tensorSvg({
    name: view.name,
    shape,
    dims: view.dims,
    caption: view.caption,
    cells: layout.cells.map((c) => ({ x: c.x, y: c.y, index: c.index, value: data[c.flat] })),
    facets: layout.facets,
    size: layout.cell,
    width: layout.width,
    height: layout.height,
    color: scale.color,
    textColor: textOn,
    format: (v) => formatValue(v, dtype),
    showText: layout.cell >= longest * 6.2 + 3,
    legend: { domain: scale.domain, signed: scale.signed },
    page: pageColours(),
    note: drawn
      ? `${layout.facetsDrawn} of ${layout.facetCount} slices drawn; ${view.name}.npy holds all ${data.length} values.`
      : undefined
  });
}

/** Rasterise the SVG at `ratio` × its size (an <img> of a blob URL: nothing leaves the page). */
export async function pngOf(svg: string, ratio = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(img.naturalWidth * ratio);
    canvas.height = Math.ceil(img.naturalHeight * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((ok, fail) =>
      canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png')
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has handed the blob to the download; free it once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export `view` as `format`; resolves to what the user should be told. */
export async function exportView(view: TensorView, format: ExportFormat): Promise<string> {
  const { shape, dtype, data } = view.snap;
  const t = { name: view.name, shape, dtype, data };
  const file = `${view.name}.${format}`;
  switch (format) {
    case 'svg':
      download(file, new Blob([svgOf(view)], { type: 'image/svg+xml' }));
      break;
    case 'png':
      download(file, await pngOf(svgOf(view)));
      break;
    case 'npy':
      download(
        file,
        new Blob([encodeNpy(shape, dtype, data)], { type: 'application/octet-stream' })
      );
      break;
    case 'json':
      download(file, new Blob([tensorJson(t)], { type: 'application/json' }));
      break;
    case 'pytorch':
      await navigator.clipboard.writeText(pytorchSnippet(t, callOf(view)));
      return `Copied PyTorch code for ${view.name} [${shape.join(', ')}] to the clipboard.`;
  }
  return `Saved ${file}.`;
}
