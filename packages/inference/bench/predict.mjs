// Measures @mle/inference on this machine: `pnpm --filter @mle/inference run build && node bench/predict.mjs`
// (from packages/inference). Figures go to the README; nothing here is asserted.
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { train } from "@mle/trainer";
import { createPredictor } from "../dist/index.js";

// @mle/dataset is not a dependency of this package: load the copy @mle/trainer uses.
const require = createRequire(import.meta.url);
const trainerDir = dirname(require.resolve("@mle/trainer/package.json"));
const datasetPkg = createRequire(`${trainerDir}/`).resolve("@mle/dataset/package.json");
const { buildDataset, summarizeDataset } = await import(
  pathToFileURL(join(dirname(datasetPkg), "dist/index.js")).href
);

const source = createSampleSource();
const dir = await mkdtemp(join(tmpdir(), "mle-inference-bench-"));
const registry = createRegistry({ dir });
const candles = {};
for (const s of ["AAPL", "MSFT"]) candles[s] = await source.getCandles(s, { limit: 500 });
const spec = {
  lookback: 20,
  features: ["close", "simple_return", "moving_average", "rolling_volatility"],
};
const ds = buildDataset(candles, spec);
const result = train(ds, { alpha: 1, validationFraction: 0.2, folds: 3, gap: 0 });
await registry.save(
  {
    model: result.model,
    metadata: {},
    metrics: result.metrics,
    featureColumns: result.model.feature_spec.features,
    datasetSummary: summarizeDataset(ds),
  },
  { activate: true },
);

async function perCall(label, n, fn) {
  for (let i = 0; i < Math.min(200, n); i++) await fn(i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  const us = Number(process.hrtime.bigint() - t0) / 1e3 / n;
  console.log(`${label.padEnd(58)} ${us.toFixed(1).padStart(8)} µs/call`);
}

const t0 = process.hrtime.bigint();
const cold = createPredictor({ registry, source, cacheTtlMs: 0 });
await cold.predict("AAPL");
console.log(
  `${"first predict (verified load + fetch + features)".padEnd(58)} ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1).padStart(8)} ms`,
);

const miss = createPredictor({ registry, source, cacheTtlMs: 0, reloadCheckMs: 1e12 });
await perCall("predict, cache off (sample fetch of 21 candles + features)", 5000, () =>
  miss.predict("AAPL"),
);
const hit = createPredictor({ registry, source, cacheTtlMs: 1e12, reloadCheckMs: 1e12 });
await perCall("predict, cache hit", 200000, () => hit.predict("AAPL"));
const symbols = Array.from({ length: 100 }, (_, i) => `S${i}`);
await perCall("predictBatch(100 symbols), cache off", 5, () => miss.predictBatch(symbols));
await perCall("  for reference: the sample source alone, same 100 symbols", 5, async () => {
  for (const s of symbols) await source.getCandles(s, { limit: 21 });
});
const checking = createPredictor({ registry, source, cacheTtlMs: 1e12, reloadCheckMs: 0 });
await perCall("predict, cache hit, activeStamp checked on every call", 20000, () =>
  checking.predict("AAPL"),
);
await rm(dir, { recursive: true, force: true });
