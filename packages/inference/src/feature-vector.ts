/**
 * The latest feature row of a symbol, through the one fetch → compute → last rows path of
 * `@mle/features` (`fetchFeatures`) with the model's own spec: the same batch code `@mle/dataset`
 * uses to build training rows, and the candle count the spec's definitions declare.
 * @module
 */
import { fetchFeatures } from "@mle/features";
import { type Candle, InsufficientDataError } from "@mle/market-client";
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
   * extras only when the history is long enough for them (omitted when it is shorter).
   */
  readonly features: Readonly<Record<string, number>>;
}

/**
 * Fetches `model.fetchCandles` candles with `getCandles` and computes the feature vector of the
 * last one. Throws MarketDataError INSUFFICIENT_DATA when the candles are too few for the model's
 * own columns; when they are too few only for the reporting-only default columns, those are left
 * out of `features`.
 *
 * @example
 * ```ts
 * const v = await latestFeatureVector((limit) => source.getCandles("AAPL", { limit }), model, "AAPL");
 * predictRow(model.artifact, v.x);
 * ```
 */
export async function latestFeatureVector(
  getCandles: (limit: number) => Promise<readonly Candle[]>,
  model: ServingModel,
  symbol: string,
): Promise<FeatureVector> {
  const window = await fetchFeatures({
    spec: model.servingSpec,
    fallback: model.spec,
    rows: 1,
    ...(model.history === undefined ? {} : { history: model.history }),
    fetch: getCandles,
    insufficient: (needed, available) => new InsufficientDataError(symbol, needed, available),
  });
  const features: Record<string, number> = {};
  for (const name of window.columns) {
    const value = window.values[name]![0];
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
    timestamp: window.bars[0]!.timestamp,
    x,
    features: Object.freeze(features),
  });
}
