import * as tf from '@tensorflow/tfjs-core';

/**
 * Run `fn` in a tfjs scope and return its plain (non-tensor) result; every tensor created inside
 * is disposed. Traces return snapshots, so nothing they build outlives the call.
 */
export function scoped<T>(fn: () => T): T {
  let out: T | undefined;
  tf.tidy(() => {
    out = fn();
  });
  return out as T;
}
