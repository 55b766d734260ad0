// Measures the sample source and the http client against the reference upstream on loopback.
// Run after `pnpm --filter @mle/market-client build`: node scripts/measure.mjs
import { performance } from "node:perf_hooks";
import { createHttpSource, createSampleSource } from "../dist/index.js";
import { startReferenceUpstream } from "../dist/testing.js";

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const symbols = Array.from({ length: 20 }, (_, i) => `SYM${i}`);
const cold = [];
const source = createSampleSource();
for (const symbol of symbols) {
  const t = performance.now();
  await source.getCandles(symbol, { limit: 100_000 });
  cold.push(performance.now() - t);
}
const warmSource = createSampleSource();
await warmSource.getCandles("AAPL", { limit: 100 });
const warm = [];
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  await warmSource.getCandles("AAPL", { limit: 100 });
  warm.push(performance.now() - t);
}
const full = await warmSource.getCandles("AAPL", { limit: 100_000 });
console.log(
  `sample: full history ${full.length} candles, uncached symbol (generate + materialize) median ${median(cold).toFixed(1)} ms over ${cold.length} symbols`,
);
console.log(
  `sample: cached path, limit 100, median ${median(warm).toFixed(3)} ms over ${warm.length} calls`,
);

const upstream = await startReferenceUpstream({ source: createSampleSource() });
const http = createHttpSource({ baseUrl: upstream.url });
const lat = [];
for (let i = 0; i < 100; i++) {
  const t = performance.now();
  await http.getCandles("AAPL", { limit: 250 });
  lat.push(performance.now() - t);
}
await upstream.close();
console.log(
  `http over loopback: limit 250, median ${median(lat).toFixed(2)} ms, p95 ${[...lat].sort((a, b) => a - b)[94].toFixed(2)} ms over ${lat.length} calls`,
);
