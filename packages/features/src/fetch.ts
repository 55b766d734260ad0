import type { Bar } from "./candle";
import { type CandlesNeededOptions, candlesNeeded } from "./candles-needed";
import { FeatureError } from "./errors";
import { computeFeatureTable } from "./rows";
import { type FeatureSpec, type FeatureSpecInput, validateFeatureSpec, warmupLength } from "./spec";

/** A bar with its timestamp, as a market-client `Candle` is. */
export type TimedBar = Bar & { readonly timestamp: string };

/** Options of {@link fetchFeatures}. */
export interface FetchFeaturesOptions<B extends TimedBar> extends CandlesNeededOptions {
  readonly spec: FeatureSpecInput | FeatureSpec;
  /** How many of the latest rows to return (integer >= 1). */
  readonly rows: number;
  /** Fetches the latest `count` bars, oldest first (at most `count`; fewer when history is short). */
  readonly fetch: (count: number) => Promise<readonly B[]>;
  /**
   * A smaller spec to fall back to when the bars are too few for `spec` but enough for this one
   * (serving reports extra columns only when it can).
   */
  readonly fallback?: FeatureSpec;
  /**
   * The error for bars too few for one row (`needed` = warm-up + 1). Default: FeatureError
   * `INSUFFICIENT_DATA`; a caller passes its own (the API's 422 names the symbol).
   */
  readonly insufficient?: (needed: number, available: number) => Error;
}

/** The latest rows of a spec, with the bars they belong to. */
export interface FeatureWindow<B extends TimedBar> {
  /** The spec computed: `spec`, or `fallback` when the history was too short for `spec`. */
  readonly spec: FeatureSpec;
  /** Column names in output order (= `spec.features`). */
  readonly columns: readonly string[];
  /** Rows returned: `rows`, fewer only when the source had fewer bars than requested. */
  readonly length: number;
  /** `bars[i]` is the bar of row `i`, oldest first. */
  readonly bars: readonly B[];
  /** One column per name, each of `length`. */
  readonly values: Readonly<Record<string, Float64Array>>;
  /** Bars requested from `fetch` (`candlesNeeded(spec, rows, options)`) and bars received. */
  readonly requested: number;
  readonly received: number;
}

/**
 * The one "fetch → compute → last N rows" path (API `/features`, `mle features`, the inference
 * engine): requests `candlesNeeded(spec, rows)` bars, computes the spec over all of them (so
 * recursive columns converge) and returns the last `rows` rows. Throws the `insufficient` error
 * when fewer than `warmupLength(spec) + 1` bars come back (after trying `fallback`).
 *
 * @example
 * ```ts
 * const w = await fetchFeatures({
 *   spec: validateFeatureSpec({ lookback: 20 }),
 *   rows: 100,
 *   fetch: (limit) => source.getCandles("AAPL", { limit }),
 * });
 * w.values.moving_average[w.length - 1]; // latest 20-bar mean
 * ```
 */
export async function fetchFeatures<B extends TimedBar>(
  options: FetchFeaturesOptions<B>,
): Promise<FeatureWindow<B>> {
  const spec = validateFeatureSpec(options.spec);
  const { rows, fallback } = options;
  const requested = candlesNeeded(spec, rows, options);
  if (!Number.isFinite(requested)) {
    throw new FeatureError(
      "INVALID_SPEC",
      "the spec has a column that needs all history: compute it over the whole series with computeFeatures",
    );
  }
  const bars = await options.fetch(requested);
  const received = bars.length;
  let used = spec;
  if (received < warmupLength(spec) + 1 && fallback !== undefined) used = fallback;
  const needed = warmupLength(used) + 1;
  if (received < needed) {
    throw (
      options.insufficient?.(needed, received) ??
      new FeatureError(
        "INSUFFICIENT_DATA",
        `${received} candles received, the spec needs at least ${needed} for one row`,
      )
    );
  }
  const table = computeFeatureTable(bars, used);
  const length = Math.min(rows, table.length);
  const from = table.length - length;
  const values: Record<string, Float64Array> = {};
  for (const name of table.columns) values[name] = table.values[name]!.subarray(from);
  return Object.freeze({
    spec: used,
    columns: used.features,
    length,
    bars: bars.slice(table.offset + from),
    values: Object.freeze(values),
    requested,
    received,
  });
}
