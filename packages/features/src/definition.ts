import type { BatchInput } from "./batch-input";
import type { FeatureName } from "./names";

/**
 * Incremental state of one feature. `push` receives closes that were already validated
 * (finite, > 0) and returns the feature value at that step, or NaN while it is not yet defined.
 */
export interface FeatureKernel {
  push(close: number): number;
  reset(): void;
}

/**
 * One named feature. Adding a feature means writing one of these (plus its test) and listing it
 * in `registry.ts`. `batch` and `createKernel` must produce bit-identical values; the shared
 * property test in `definitions/agreement.test.ts` checks that for every registered definition.
 */
export interface FeatureDefinition {
  readonly name: FeatureName;
  /** One line for docs and error messages. */
  readonly summary: string;
  /** Input index of the first row where the feature is defined, for window `lookback`. */
  firstIndex(lookback: number): number;
  /**
   * Returns the column: the value at input index `t` at position `t - offset`, for every `t` in
   * `[offset, n)`. Called with `firstIndex(lookback) <= offset <= lookback` and `offset < n`.
   * The result may be a view into `input`'s shared arrays, never into the caller's data.
   */
  batch(input: BatchInput, lookback: number, offset: number): Float64Array;
  createKernel(lookback: number): FeatureKernel;
}

/**
 * Batch implementation shared by features that need no special speed: run the kernel over the
 * series. Being the kernel itself, it agrees with the stream by construction.
 */
export function batchFromKernel(
  kernel: FeatureKernel,
  closes: Float64Array,
  offset: number,
): Float64Array {
  const n = closes.length;
  const out = new Float64Array(n - offset);
  for (let t = 0; t < n; t++) {
    const v = kernel.push(closes[t]!);
    if (t >= offset) out[t - offset] = v;
  }
  return out;
}
