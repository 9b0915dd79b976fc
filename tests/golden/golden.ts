/**
 * Loads the PyTorch golden fixtures written by `scripts/golden/*.py` and compares tfjs results
 * with them. Tolerance for float32: |got − exp| ≤ 1e-4 + 1e-4·|exp|; integers exactly.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface GoldenTensor {
  shape: number[];
  dtype: 'float32' | 'int32';
  data: number[];
}
export interface GoldenCase {
  id: string;
  params: Record<string, unknown>;
  tensors: Record<string, GoldenTensor>;
}
export interface GoldenFile {
  name: string;
  torch: string;
  cases: GoldenCase[];
}

// Bundled by Vite, so the same parity tests run in Node (cpu) and in Chromium (wasm).
const files = import.meta.glob<GoldenFile>('./*.json', { eager: true, import: 'default' });

export function loadGolden(name: string): GoldenFile {
  const file = files[`./${name}.json`];
  if (!file) throw new Error(`no golden fixture tests/golden/${name}.json (run npm run golden)`);
  return file;
}

/** A fixture tensor as a tfjs tensor (caller disposes, or use inside tf.tidy). */
export function toTensor(g: GoldenTensor): tf.Tensor {
  return tf.tensor(g.data, g.shape, g.dtype);
}

/** Returns null when `got` matches `expected`, else a message naming the first mismatch. */
export function compare(
  got: tf.Tensor,
  expected: GoldenTensor,
  atol = 1e-4,
  rtol = 1e-4
): string | null {
  if (got.shape.join(',') !== expected.shape.join(',')) {
    return `shape [${got.shape.join(',')}] ≠ expected [${expected.shape.join(',')}]`;
  }
  const data = got.dataSync();
  const exact = expected.dtype === 'int32';
  let worst = -1;
  let worstErr = 0;
  for (let i = 0; i < data.length; i++) {
    const err = Math.abs(data[i] - expected.data[i]);
    const bad = exact ? err !== 0 : !(err <= atol + rtol * Math.abs(expected.data[i]));
    if (bad && err >= worstErr) {
      worst = i;
      worstErr = err;
    }
  }
  return worst < 0
    ? null
    : `flat index ${worst}: got ${data[worst]}, expected ${expected.data[worst]} (|diff| ${worstErr})`;
}
