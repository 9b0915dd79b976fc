/**
 * A tensor as JSON: `{name, shape, dtype, data}` with `data` flat in C order, the way
 * `torch.tensor(data).reshape(shape)` and `np.array(data).reshape(shape)` read it back.
 */
export interface TensorExport {
  name: string;
  shape: readonly number[];
  dtype: 'float32' | 'int32';
  data: ArrayLike<number>;
}

/** Non-finite values have no JSON spelling; they become null (and the caller's note says so). */
export function tensorJson(t: TensorExport): string {
  const data = Array.from(t.data, (v) => (Number.isFinite(v) ? v : null));
  return JSON.stringify({ name: t.name, shape: [...t.shape], dtype: t.dtype, data });
}
