/**
 * /trained-swinir's tensors as the kit's TensorView, for its export menus (`NAME.npy`, …). The data
 * stays in JS — never in a DOM attribute — and a stack of per-block arrays is built only when a
 * format is asked for (the `snap` getter), so a run draws without copying anything for export.
 */
import type { Snapshot } from '$lib/tensor/snapshot';
import type { TensorView } from '$lib/trace/types';

/** An RGB image `[1, 3, H, W]` (0–1, planar) as a view sharing `data`. */
export function imageView(
  name: string,
  data: Float32Array,
  height: number,
  width: number
): TensorView {
  return {
    name,
    snap: { shape: [1, 3, height, width], dtype: 'float32', data },
    dims: ['B', 'C', 'H', 'W']
  };
}

/**
 * Per-block arrays of one shape stacked on a new first axis (`[blocks, ...shape]`), built on first
 * read. Throws (the export menu shows it) if the blocks disagree in shape.
 */
export function stackedView(
  name: string,
  dims: string[],
  parts: readonly { shape: readonly number[]; data: Float32Array }[]
): TensorView {
  let snap: Snapshot | null = null;
  return {
    name,
    dims,
    get snap(): Snapshot {
      if (snap) return snap;
      const shape = parts[0]?.shape ?? [0];
      const key = shape.join(',');
      if (parts.some((p) => p.shape.join(',') !== key))
        throw new Error(`the blocks of ${name} differ in shape; export them one by one`);
      const size = shape.reduce((a, b) => a * b, 1);
      const data = new Float32Array(parts.length * size);
      parts.forEach((p, i) => data.set(p.data, i * size));
      return (snap = { shape: [parts.length, ...shape], dtype: 'float32', data });
    }
  };
}
