/**
 * The upstream path: the real server with MARKET_DATA_SOURCE=http against the reference upstream
 * of @mle/market-client (sample data, on loopback, in this process). The upstream counts the
 * requests it receives; the single-flight hit rate is 1 − upstream requests ÷ API requests.
 *   - a burst of 50 concurrent cold /predict for one symbol (cache on): 1 upstream request expected;
 *   - 50 connections of autocannon with the cache off (INFERENCE_CACHE_TTL_MS=0), so only
 *     single-flight saves upstream calls.
 * @module
 */
import { createSampleSource } from "@mle/market-client";
import { startReferenceUpstream } from "@mle/market-client/testing";
import { runLoad, startApiServer, stop } from "./processes.mjs";
import { fetchJson, fmt } from "./stats.mjs";

const BURST = 50;

export async function upstreamRows({ quick, registryDir }) {
  const upstream = await startReferenceUpstream({
    source: createSampleSource(),
    host: "127.0.0.1",
  });
  const env = (ttl) => ({
    MODEL_REGISTRY_DIR: registryDir,
    MARKET_DATA_SOURCE: "http",
    MARKET_DATA_BASE_URL: upstream.url,
    INFERENCE_CACHE_TTL_MS: ttl,
  });
  const rows = [];
  try {
    const cached = await startApiServer(env("5000"));
    try {
      await fetchJson(`${cached.url}/predict?symbol=AAPL`); // model loaded
      upstream.resetStats();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: BURST }, () => fetchJson(`${cached.url}/predict?symbol=BURST`)),
      );
      const ms = performance.now() - t0;
      const calls = upstream.stats.requests;
      rows.push({
        group: "serving",
        name: `upstream: ${BURST} concurrent cold /predict, one symbol`,
        medianMs: ms,
        target: "1 upstream request",
        met: calls === 1,
        upstreamRequests: calls,
        note: `${calls} upstream request(s) for ${BURST} API requests (single-flight hit rate ${fmt(100 * (1 - calls / BURST))} %); ms = whole burst.`,
      });
    } finally {
      await stop(cached.child);
    }

    const uncached = await startApiServer(env("0"));
    try {
      const url = `${uncached.url}/predict?symbol=AAPL`;
      await fetchJson(url);
      if (!quick) await runLoad({ url, connections: 50, duration: 1 });
      upstream.resetStats();
      const load = await runLoad({ url, connections: 50, duration: quick ? 0.5 : 5 });
      const calls = upstream.stats.requests;
      const hitRate = 1 - calls / load.requestsTotal;
      rows.push({
        group: "serving",
        name: "upstream: GET /predict under load, cache off (single-flight only)",
        medianMs: load.latency.p50,
        reqPerSec: load.requestsPerSec,
        singleFlightHitRate: hitRate,
        note: `${fmt(load.requestsPerSec)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms; ${calls} upstream requests for ${load.requestsTotal} API requests: single-flight hit rate ${fmt(100 * hitRate)} % (50 connections, ${quick ? 0.5 : 5} s${load.non2xx ? `, ${load.non2xx} non-2xx` : ""}).`,
      });
    } finally {
      await stop(uncached.child);
    }
  } finally {
    await upstream.close();
  }
  return rows;
}
