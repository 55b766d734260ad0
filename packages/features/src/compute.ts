import { createBatchInput } from "./batch-input";
import type { CandleColumns, CandleField } from "./candle";
import { fusedMovingAverageAndVolatility } from "./fused-moving-average-volatility";
import { toOhlcv } from "./input";
import { FEATURE_DEFINITIONS } from "./feature-definitions";
import {
  type ColumnsOf,
  type FeatureSpec,
  type FeatureSpecInput,
  validateFeatureSpec,
  warmupLength,
} from "./spec";
import type { FeatureTable } from "./table";

/** The candle fields the spec's columns read (always `close`). */
export function fieldsRead(spec: FeatureSpec): ReadonlySet<CandleField> {
  const fields = new Set<CandleField>(["close"]);
  for (const { feature } of spec.columns) {
    for (const f of FEATURE_DEFINITIONS[feature].inputs) fields.add(f);
  }
  return fields;
}

/**
 * Computes feature columns over a whole series in one O(n) pass per feature, whatever the
 * window. The input is the closes, or candle columns `{ close, open?, high?, low?, volume? }`
 * when a column reads more than closes. Rows before every column is defined are left out
 * (`table.offset`).
 * Throws `FeatureError`: a spec error (see `validateFeatureSpec`), `INVALID_INPUT` with the
 * `index` and `field` of the first value that is not a finite number > 0 (volume: >= 0) or a
 * missing field, `INVALID_CANDLE` for a candle whose low/open/close/high are out of order.
 *
 * @example
 * ```ts
 * const t = computeFeatures([100, 101, 102, 100], { lookback: 2, features: ["close", "moving_average"] });
 * t.offset; // 1
 * t.values.moving_average; // Float64Array [100.5, 101.5, 101]
 * ```
 */
export function computeFeatures<const S extends FeatureSpecInput | FeatureSpec>(
  input: ArrayLike<number> | CandleColumns,
  spec: S,
): FeatureTable<ColumnsOf<S>>;
export function computeFeatures(
  input: ArrayLike<number> | CandleColumns,
  spec: FeatureSpecInput | FeatureSpec,
): FeatureTable {
  const valid = validateFeatureSpec(spec);
  const { ohlcv, ownsCloses } = toOhlcv(input, fieldsRead(valid));
  const batch = createBatchInput(ohlcv, ownsCloses);
  const offset = warmupLength(valid);
  const length = Math.max(0, ohlcv.close.length - offset);
  const values: Record<string, Float64Array> = {};
  const fused = length > 0 ? fusedPair(valid) : undefined;
  const fusedColumns = fused
    ? fusedMovingAverageAndVolatility(batch, fused.window, offset)
    : undefined;
  for (const { name, feature, params } of valid.columns) {
    if (length === 0) values[name] = new Float64Array(0);
    else if (fusedColumns && name === fused?.movingAverage)
      values[name] = fusedColumns.movingAverage;
    else if (fusedColumns && name === fused?.rollingVolatility)
      values[name] = fusedColumns.rollingVolatility;
    else values[name] = FEATURE_DEFINITIONS[feature].batch(batch, params, offset);
  }
  return Object.freeze({
    spec: valid,
    columns: valid.features,
    offset,
    length,
    values: Object.freeze(values),
  });
}

/** A moving average and a rolling volatility of one window: computed together in one pass. */
function fusedPair(
  spec: FeatureSpec,
): { window: number; movingAverage: string; rollingVolatility: string } | undefined {
  for (const ma of spec.columns) {
    if (ma.feature !== "moving_average") continue;
    const vol = spec.columns.find(
      (c) => c.feature === "rolling_volatility" && c.params.window === ma.params.window,
    );
    if (vol) {
      return { window: ma.params.window!, movingAverage: ma.name, rollingVolatility: vol.name };
    }
  }
  return undefined;
}
