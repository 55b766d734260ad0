import type { FeatureName } from "./names";
import type { FeatureSpec } from "./spec";

/** Columnar result of {@link computeFeatures}. Row `i` is input index `offset + i`. */
export interface FeatureTable {
  readonly spec: FeatureSpec;
  /** The requested columns, in `spec.features` order. */
  readonly columns: readonly FeatureName[];
  /** Input index of row 0 (= `warmupLength(spec)`): earlier rows are left out, never 0-filled. */
  readonly offset: number;
  /** `max(0, n - offset)`. */
  readonly length: number;
  /** Only the requested columns, each of `length`. */
  readonly values: Readonly<Record<FeatureName, Float64Array>>;
}
