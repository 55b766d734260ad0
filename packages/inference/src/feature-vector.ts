/**
 * The latest feature row of a symbol, computed with `@mle/features` from the fetched candles and
 * the model's own spec: the same batch code `@mle/dataset` uses to build training rows.
 * @module
 */
import { computeFeatures } from "@mle/features";
import { type Candle, requireCandles } from "@mle/market-client";
import { InferenceError } from "./errors";
import type { ServingModel } from "./serving-model";

/** The features of the most recent candle, ready to feed the model. Frozen; shared by cache hits. */
export interface FeatureVector {
  /** Timestamp of the latest candle used. */
  readonly timestamp: string;
  /** Model inputs in the model's column order. */
  readonly x: Float64Array;
  /**
   * Every computed column by name: the model's columns plus any default column it lacks, those
   * extras only when the history has `model.reportCandles` candles (omitted when it is shorter).
   */
  readonly features: Readonly<Record<string, number>>;
}

/**
 * Computes the feature vector of the last candle. Throws MarketDataError INSUFFICIENT_DATA when
 * there are fewer than `model.minCandles` candles (what the model's own columns need); with fewer
 * than `model.reportCandles` the reporting-only default columns are left out of `features`.
 *
 * @example
 * ```ts
 * const candles = await source.getCandles("AAPL", { limit: model.fetchCandles });
 * const { x, features, timestamp } = latestFeatureVector(candles, model, "AAPL");
 * ```
 */
export function latestFeatureVector(
  candles: readonly Candle[],
  model: ServingModel,
  symbol: string,
): FeatureVector {
  requireCandles(candles as Candle[], model.minCandles, symbol);
  const closes = new Float64Array(candles.length);
  for (let i = 0; i < candles.length; i++) closes[i] = candles[i]!.close;
  const spec = candles.length >= model.reportCandles ? model.servingSpec : model.spec;
  const table = computeFeatures(closes, spec);
  const last = table.length - 1;
  const features: Record<string, number> = {};
  for (const name of table.columns) {
    const value = table.values[name][last];
    if (value === undefined || !Number.isFinite(value)) {
      throw new InferenceError(
        "NON_FINITE_FEATURE",
        `Feature ${name} of ${symbol} is not a finite number for the latest candle`,
      );
    }
    features[name] = value;
  }
  const x = new Float64Array(model.columns.length);
  model.columns.forEach((name, i) => {
    x[i] = features[name]!;
  });
  return Object.freeze({
    timestamp: candles[candles.length - 1]!.timestamp,
    x,
    features: Object.freeze(features),
  });
}
