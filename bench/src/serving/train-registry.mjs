/**
 * A temporary registry holding one active ridge model trained on the sample source, built with
 * the public APIs of @mle/dataset, @mle/trainer and @mle/registry (what `mle train` does).
 * @module
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildDataset, summarizeDataset } from "@mle/dataset";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { train } from "@mle/trainer";

export const TRAIN_SYMBOLS = ["AAPL", "MSFT", "GOOG"];
export const SPEC = {
  lookback: 20,
  features: ["close", "simple_return", "moving_average", "rolling_volatility"],
};

/** Trains on the sample source and saves + activates the model in a new temp folder. */
export async function createTrainedRegistry() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mle-bench-registry-"));
  const source = createSampleSource();
  const candles = {};
  for (const symbol of TRAIN_SYMBOLS)
    candles[symbol] = await source.getCandles(symbol, { limit: 1000 });
  const dataset = buildDataset(candles, SPEC);
  const result = train(dataset, { alpha: 1, validationFraction: 0.2, folds: 5, gap: 0 });
  const registry = createRegistry({ dir });
  const saved = await registry.save(
    {
      model: result.model,
      metadata: { model_type: "ridge", source: "sample", purpose: "serving benchmark" },
      metrics: result.metrics,
      featureColumns: [...dataset.featureColumns],
      datasetSummary: summarizeDataset(dataset),
    },
    { activate: true },
  );
  return {
    dir,
    version: saved.version,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
