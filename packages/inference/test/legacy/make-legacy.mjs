// Records models trained and predictions served by the pre-v2 feature spec ({ lookback, features }),
// so legacy.test.ts can prove that stored model.json files still predict bit-identically.
// Run once, from packages/inference, against the build it records (it was run on main at
// ba71a0d, before Features v2):   node test/legacy/make-legacy.mjs
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDataset, summarizeDataset } from "@mle/dataset";
import { createPredictor } from "@mle/inference";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { train } from "@mle/trainer";

const here = dirname(fileURLToPath(import.meta.url));
const SYMBOLS = ["AAPL", "MSFT"];
const CANDLES = 700;
const sample = createSampleSource({ seed: 7 });
const candles = {};
for (const s of SYMBOLS) candles[s] = await sample.getCandles(s, { limit: CANDLES });

const specs = [
  { lookback: 10, features: ["close", "simple_return", "moving_average", "rolling_volatility"] },
  {
    lookback: 5,
    features: [
      "close",
      "simple_return",
      "log_return",
      "moving_average",
      "rolling_volatility",
      "ema",
      "rsi",
      "zscore",
    ],
  },
  { lookback: 20, features: ["log_return", "ema", "rsi", "zscore"] },
  { lookback: 30, features: ["simple_return", "moving_average"] },
  { lookback: 8, features: ["close", "ema"] },
];

const work = await mkdtemp(join(tmpdir(), "mle-legacy-"));
const registry = createRegistry({ dir: work, clock: () => new Date("2026-01-01T00:00:00.000Z") });
for (const spec of specs) {
  const ds = buildDataset(candles, spec);
  const result = train(ds, { alpha: 1, validationFraction: 0.2, folds: 3, gap: 0 });
  await registry.save(
    {
      model: result.model,
      metadata: { symbols: SYMBOLS, feature_spec: spec },
      metrics: result.metrics,
      featureColumns: result.model.feature_columns,
      datasetSummary: summarizeDataset(ds),
    },
    { activate: true },
  );
}
const source = {
  kind: "fixture",
  async getCandles(symbol, { limit }) {
    return candles[symbol].slice(-limit);
  },
};
const predictor = createPredictor({ registry, source, cacheTtlMs: 0 });
const predictions = [];
for (let v = 1; v <= specs.length; v++) {
  for (const s of SYMBOLS) predictions.push(await predictor.predict(s, { version: `v${v}` }));
}
predictor.close();
const out = join(here, "registry");
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
for (let v = 1; v <= specs.length; v++)
  cpSync(join(work, `v${v}`), join(out, `v${v}`), { recursive: true });
cpSync(join(work, "active.json"), join(out, "active.json"));
rmSync(work, { recursive: true, force: true });
writeFileSync(join(here, "candles.json"), `${JSON.stringify(candles)}\n`);
writeFileSync(join(here, "predictions.json"), `${JSON.stringify(predictions, null, 1)}\n`);
console.log(`wrote ${specs.length} models, ${predictions.length} predictions`);
