// The README's usage example. Run after building: node scripts/example.mjs
import {
  createHttpSource,
  createSampleSource,
  isMarketDataError,
  requireCandles,
} from "@mle/market-client";
import { startReferenceUpstream } from "@mle/market-client/testing";

// 1. The embedded, deterministic sample source.
const sample = createSampleSource({ seed: 42 });
const daily = await sample.getCandles("AAPL", { limit: 3 });
console.log(daily.map((c) => `${c.timestamp.slice(0, 10)} close=${c.close.toFixed(2)}`).join("\n"));

// 2. The http client against the reference upstream on loopback, with one injected 503.
const upstream = await startReferenceUpstream({
  source: sample,
  faults: { failNext: 1, errorStatus: 503 },
});
const http = createHttpSource({
  baseUrl: upstream.url,
  backoffMs: 50,
  onEvent: (e) => console.log("event", e.type, "attempt" in e ? e.attempt : ""),
});
const candles = requireCandles(await http.getCandles("AAPL", { limit: 30 }), 30, "AAPL");
console.log("same as sample:", JSON.stringify(candles.slice(-3)) === JSON.stringify(daily));

// 3. Typed errors.
upstream.setFaults({ errorStatus: 404, failNext: 1 });
try {
  await http.getCandles("ZZZ", { limit: 30 });
} catch (e) {
  if (isMarketDataError(e)) console.log(e.code, "-", e.message);
}
await upstream.close();
