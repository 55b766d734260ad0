// Largest relative difference between the latest feature row computed from the minimal window
// (warmupLength + 1 candles, what the predictor fetches) and from 1000 candles of history, per
// window feature, over sample data. Run after building: node packages/inference/bench/window-drift.mjs
import { computeFeatures, warmupLength } from "@mle/features";
import { createSampleSource } from "@mle/market-client";

const features = [
  "close",
  "simple_return",
  "log_return",
  "moving_average",
  "rolling_volatility",
  "zscore",
];
const worst = Object.fromEntries(features.map((f) => [f, 0]));
for (const seed of [1, 2, 3, 7]) {
  const source = createSampleSource({ seed });
  for (const lookback of [5, 10, 20, 60]) {
    const spec = { lookback, features };
    for (const symbol of ["AAPL", "MSFT", "GOOG"]) {
      const candles = await source.getCandles(symbol, { limit: 1000 });
      const closes = Float64Array.from(candles.map((c) => c.close));
      const long = computeFeatures(closes, spec);
      const short = computeFeatures(closes.subarray(closes.length - warmupLength(spec) - 1), spec);
      for (const f of features) {
        const x = long.values[f][long.length - 1];
        const y = short.values[f][short.length - 1];
        if (x !== y) worst[f] = Math.max(worst[f], Math.abs(x - y) / Math.abs(x));
      }
    }
  }
}
for (const f of features) console.log(`${f.padEnd(20)} ${worst[f].toExponential(1)}`);
