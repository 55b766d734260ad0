/**
 * Child process (run with --expose-gc): in-process cache-hit check of @mle/inference's predictor
 * on the registry in MODEL_REGISTRY_DIR. Counts getCandles calls and measures heap growth per
 * prediction, for cache hits and (for comparison) with the cache off. Sends the figures over IPC.
 */
import { createPredictor } from "@mle/inference";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";

const N = 500;
const registry = createRegistry({ dir: process.env.MODEL_REGISTRY_DIR });
const sample = createSampleSource();
let calls = 0;
const source = {
  kind: "sample",
  getCandles(symbol, options) {
    calls++;
    return sample.getCandles(symbol, options);
  },
};

async function perPrediction(predictor) {
  for (let i = 0; i < 200; i++) await predictor.predict("AAPL"); // warm-up (JIT, model, cache)
  calls = 0;
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < N; i++) await predictor.predict("AAPL");
  const bytes = (process.memoryUsage().heapUsed - before) / N;
  return { bytes, getCandles: calls };
}

const hit = await perPrediction(createPredictor({ registry, source, cacheTtlMs: 3_600_000 }));
const miss = await perPrediction(createPredictor({ registry, source, cacheTtlMs: 0 }));
process.send?.({ type: "alloc", n: N, hit, miss }, () => process.exit(0));
