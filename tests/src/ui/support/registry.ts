/**
 * The registry the browser tests look at: model `default` with two trained versions that carry
 * predictions and an evaluation, one trained without them and one corrupted on purpose, and a
 * second model `btc`. Saved through the registry as `mle train` does, so every file is hashed.
 * @module
 */
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { buildDataset, summarizeDataset } from "@mle/dataset";
import { createSampleSource } from "@mle/market-client";
import { openRegistry } from "@mle/registry";
import { PREDICTIONS_FILE, predictionsArtifact, train } from "@mle/trainer";

const source = createSampleSource({ seed: 3 });
const COLUMNS = ["close", "simple_return", "moving_average", "rolling_volatility"];

async function trained(alpha: number, withFiles: boolean) {
  const symbols = ["AAPL", "MSFT"];
  const spec = { lookback: 8, features: COLUMNS };
  const candles = Object.fromEntries(
    await Promise.all(symbols.map(async (s) => [s, await source.getCandles(s, { limit: 260 })])),
  );
  const ds = buildDataset(candles, spec);
  const result = train(ds, {
    model: { type: "ridge", alpha },
    validationFraction: 0.2,
    folds: 3,
    gap: 0,
  });
  return {
    model: result.model,
    metadata: { symbols, feature_spec: spec, model_type: "ridge" },
    metrics: result.metrics,
    featureColumns: result.model.feature_spec.features,
    datasetSummary: summarizeDataset(ds),
    ...(withFiles
      ? {
          files: {
            [PREDICTIONS_FILE]: predictionsArtifact(
              ds,
              result.predictions,
              result.evaluation.interval,
            ),
            "evaluation.json": result.evaluation,
          },
        }
      : {}),
  };
}

export interface UiRegistry {
  readonly dir: string;
  /** default: v1 (no predictions), v2 and v3 (predictions; v3 active), v4 corrupt. */
  readonly corrupt: string;
}

export async function buildUiRegistry(dir: string): Promise<UiRegistry> {
  const models = openRegistry(dir, { who: "fixture@ci" });
  const def = models.model();
  await def.save(await trained(1, false));
  await def.save(await trained(1, true), { activate: true });
  await def.save(await trained(0.05, true), { activate: true, reason: "smaller alpha" });
  const bad = await def.save(await trained(4, true));
  // Tampering after the save: model.json no longer matches its recorded sha256.
  await appendFile(path.join(bad.path, "model.json"), " ");
  await models.model("btc").save(await trained(2, true), { activate: true });
  return { dir, corrupt: bad.version };
}
