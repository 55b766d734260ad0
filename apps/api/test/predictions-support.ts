/**
 * A small training run with the artifacts `mle train` stores beside the five required files
 * (`predictions.json`, `evaluation.json`), for the routes that serve them.
 */
import { buildDataset, summarizeDataset } from "@mle/dataset";
import type { MarketDataSource } from "@mle/market-client";
import { predictionsArtifact, train } from "@mle/trainer";

const COLUMNS = ["close", "simple_return", "moving_average", "rolling_volatility"];

/** What `registry.save` takes, with `files` holding the predictions (and, unless false, the evaluation). */
export async function trainWithPredictions(
  source: MarketDataSource,
  options: { alpha?: number; evaluation?: boolean } = {},
) {
  const symbols = ["AAPL", "MSFT"];
  const spec = { lookback: 8, features: COLUMNS };
  const candles = Object.fromEntries(
    await Promise.all(symbols.map(async (s) => [s, await source.getCandles(s, { limit: 240 })])),
  );
  const ds = buildDataset(candles, spec);
  const result = train(ds, {
    model: { type: "ridge", alpha: options.alpha ?? 1 },
    validationFraction: 0.2,
    folds: 3,
    gap: 0,
  });
  const predictions = predictionsArtifact(ds, result.predictions, result.evaluation.interval);
  return {
    artifacts: {
      model: result.model,
      metadata: { symbols, feature_spec: spec },
      metrics: result.metrics,
      featureColumns: result.model.feature_spec.features,
      datasetSummary: summarizeDataset(ds),
      files: {
        "predictions.json": predictions,
        ...(options.evaluation === false ? {} : { "evaluation.json": result.evaluation }),
      },
    },
    predictions,
    evaluation: result.evaluation,
  };
}
