// In-process latency of the feature routes (no network): node apps/api/scripts/measure.mjs
// Prints median and p95 over N requests after a warm-up. A measurement, not a test.
import { createSampleSource } from "@mle/market-client";
import { pino } from "pino";
import { createApp, loadApiConfig } from "../dist/index.js";

const N = Number(process.env.N ?? 500);
const app = createApp({
  source: createSampleSource(),
  config: loadApiConfig({}),
  logger: pino({ level: "silent" }),
});

async function measure(path) {
  for (let i = 0; i < 50; i++) await app.request(path);
  const times = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const res = await app.request(path);
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(3);
  console.log(`${path.padEnd(52)} median ${q(0.5)} ms  p95 ${q(0.95)} ms  (n=${N})`);
}

await measure("/health");
await measure("/features?symbol=AAPL&lookback=20");
await measure("/features?symbol=AAPL&lookback=250&limit=1000");
await measure("/features?symbol=bad!&lookback=20");
await measure("/metrics");
