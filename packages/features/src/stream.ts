import type { FeatureKernel } from "./definition";
import { checkClose } from "./input";
import type { FeatureName } from "./names";
import { FEATURE_DEFINITIONS } from "./feature-definitions";
import { type FeatureSpec, type FeatureSpecInput, validateFeatureSpec, warmupLength } from "./spec";

/** Incremental features: push one close at a time, read the latest values in O(1). */
export interface FeatureStream {
  readonly spec: FeatureSpec;
  /** Adds the next close; true when every feature is defined. Throws `INVALID_INPUT` (index = count). */
  push(close: number): boolean;
  /** True once every feature is defined (after `warmupLength(spec) + 1` closes). */
  readonly ready: boolean;
  /** Closes pushed so far (since creation or the last `reset`). */
  readonly count: number;
  /** The latest values by name, or undefined while not ready. */
  latest(): Readonly<Record<FeatureName, number>> | undefined;
  /** Writes the latest values in `spec.features` order into `out`; false (nothing written) while not ready. */
  latestInto(out: Float64Array): boolean;
  reset(): void;
}

/**
 * Creates an incremental feature stream. After pushing closes `c[0..t]`, its values are
 * bit-identical to row `t - offset` of `computeFeatures(c, spec)`: both run the same kernels.
 * A rejected close leaves the stream unchanged.
 *
 * @example
 * ```ts
 * const s = createFeatureStream({ lookback: 3 });
 * for (const c of [100, 101, 99, 102]) s.push(c);
 * s.ready; // true
 * s.latest(); // { close: 102, simple_return: …, moving_average: …, rolling_volatility: … }
 * ```
 */
export function createFeatureStream(spec: FeatureSpecInput | FeatureSpec): FeatureStream {
  const valid = validateFeatureSpec(spec);
  const names = valid.features;
  const k = names.length;
  const kernels: FeatureKernel[] = names.map((n) =>
    FEATURE_DEFINITIONS[n].createKernel(valid.lookback),
  );
  const current = new Float64Array(k);
  const readyAt = warmupLength(valid) + 1;
  let count = 0;

  return {
    spec: valid,
    get ready() {
      return count >= readyAt;
    },
    get count() {
      return count;
    },
    push(close) {
      checkClose(close, count);
      for (let i = 0; i < k; i++) current[i] = kernels[i]!.push(close);
      return ++count >= readyAt;
    },
    latest() {
      if (count < readyAt) return undefined;
      const out: Record<string, number> = {};
      for (let i = 0; i < k; i++) out[names[i]!] = current[i]!;
      return out as Record<FeatureName, number>;
    },
    latestInto(out) {
      if (count < readyAt) return false;
      out.set(current);
      return true;
    },
    reset() {
      for (const kernel of kernels) kernel.reset();
      current.fill(0);
      count = 0;
    },
  };
}
