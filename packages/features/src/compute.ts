import { createBatchInput } from "./batch-input";
import { fusedMovingAverageAndVolatility } from "./fused-moving-average-volatility";
import { toCloses } from "./input";
import { FEATURE_DEFINITIONS } from "./feature-definitions";
import { type FeatureSpec, type FeatureSpecInput, validateFeatureSpec, warmupLength } from "./spec";
import type { FeatureTable } from "./table";

/**
 * Computes feature columns over a whole close series in one O(n) pass per feature, whatever the
 * window. Rows before every feature is defined are left out (`table.offset`).
 * Throws `FeatureError`: `INVALID_LOOKBACK`, `UNKNOWN_FEATURE`, `INVALID_SPEC`, or `INVALID_INPUT`
 * with the `index` of the first close that is not a finite number > 0.
 *
 * @example
 * ```ts
 * const t = computeFeatures([100, 101, 102, 100], { lookback: 2, features: ["close", "moving_average"] });
 * t.offset; // 1
 * t.values.moving_average; // Float64Array [100.5, 101.5, 101]
 * ```
 */
export function computeFeatures(
  closes: ArrayLike<number>,
  spec: FeatureSpecInput | FeatureSpec,
): FeatureTable {
  const valid = validateFeatureSpec(spec);
  const series = toCloses(closes);
  const input = createBatchInput(series, series !== closes);
  const offset = warmupLength(valid);
  const length = Math.max(0, series.length - offset);
  const values: Partial<Record<string, Float64Array>> = {};
  const fused =
    length > 0 &&
    valid.features.includes("moving_average") &&
    valid.features.includes("rolling_volatility")
      ? fusedMovingAverageAndVolatility(input, valid.lookback, offset)
      : undefined;
  for (const name of valid.features) {
    if (length === 0) values[name] = new Float64Array(0);
    else if (fused && name === "moving_average") values[name] = fused.movingAverage;
    else if (fused && name === "rolling_volatility") values[name] = fused.rollingVolatility;
    else values[name] = FEATURE_DEFINITIONS[name].batch(input, valid.lookback, offset);
  }
  return Object.freeze({
    spec: valid,
    columns: valid.features,
    offset,
    length,
    values: Object.freeze(values) as FeatureTable["values"],
  });
}
