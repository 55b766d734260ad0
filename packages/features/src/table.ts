import type { FeatureSpec } from "./spec";

/** Columnar result of {@link computeFeatures}. Row `i` is input index `offset + i`. */
export interface FeatureTable<C extends string = string> {
  readonly spec: FeatureSpec<C>;
  /** The column names, in `spec.features` order. */
  readonly columns: readonly C[];
  /** Input index of row 0 (= `warmupLength(spec)`): earlier rows are left out, never 0-filled. */
  readonly offset: number;
  /** `max(0, n - offset)`. */
  readonly length: number;
  /** Only the requested columns by name, each of `length`. */
  readonly values: Readonly<Record<C, Float64Array>>;
}
