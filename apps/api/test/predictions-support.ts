/**
 * A small training run with the artifacts `mle train` stores beside the five required files
 * (`predictions.json`, `evaluation.json`), for the routes that serve them.
 */
import type { MarketDataSource } from "@mle/market-client";
import { EVALUATION_FILE, PREDICTIONS_FILE } from "@mle/trainer";
import { trainSample } from "@mle/trainer/testing";

/**
 * What `registry.save` takes, with `files` holding the predictions (and, unless
 * `evaluation: false`, the evaluation), and those two files on their own.
 */
export async function trainWithPredictions(
  source: MarketDataSource,
  options: { alpha?: number; evaluation?: boolean } = {},
) {
  const artifacts = await trainSample(source, {
    lookback: 8,
    candles: 240,
    alpha: options.alpha ?? 1,
    predictions: true,
    evaluation: options.evaluation !== false,
  });
  const files = artifacts.files ?? {};
  return {
    artifacts,
    predictions: files[PREDICTIONS_FILE]!,
    // undefined with `evaluation: false`
    evaluation: files[EVALUATION_FILE]!,
  };
}
