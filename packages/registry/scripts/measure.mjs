// Measures save / list / load / activeStamp on a temporary registry (built dist required).
// Usage: pnpm --filter @mle/registry build && node packages/registry/scripts/measure.mjs [versions]
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRegistry } from "../dist/index.js";

const n = Number(process.argv[2] ?? 50);
const base = await fs.mkdtemp(path.join(os.tmpdir(), "mle-registry-measure-"));
const registry = createRegistry({ dir: path.join(base, "models") });
const artifacts = {
  model: {
    format: "mle.ridge",
    coefficients: Array.from({ length: 8 }, (_, i) => i / 7),
    intercept: 0,
  },
  metadata: { trainer: "measure" },
  metrics: {
    validation: { model: { rmse: 0.01, mae: 0.008, r2: 0.1, directional_accuracy: 0.52, n: 500 } },
  },
  featureColumns: ["close", "simple_return", "moving_average", "rolling_volatility"],
  datasetSummary: { rows: 5000, symbols: ["AAPL", "MSFT"] },
};
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (f) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const saves = [];
for (let i = 0; i < n; i++) saves.push(await time(() => registry.save(artifacts)));
const lists = [];
for (let i = 0; i < 5; i++) lists.push(await time(() => registry.list()));
const loads = [];
for (let i = 0; i < 50; i++) loads.push(await time(() => registry.load("v1")));
await registry.activate("v1");
const stamps = [];
for (let i = 0; i < 1000; i++) stamps.push(await time(() => registry.activeStamp()));
console.log(
  JSON.stringify({
    versions: n,
    save_median_ms: +median(saves).toFixed(2),
    list_all_median_ms: +median(lists).toFixed(2),
    load_median_ms: +median(loads).toFixed(3),
    activeStamp_median_ms: +median(stamps).toFixed(4),
  }),
);
await fs.rm(base, { recursive: true, force: true });
