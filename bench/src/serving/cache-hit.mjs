/**
 * "Cache hit path allocates no candle arrays", checked so that it can fail:
 *   - over HTTP: the real app (`createApp`) with a counting sample source, warmed, then 50
 *     connections of cache hits: the number of getCandles calls must be 0;
 *   - in process: the predictor with a counting source, 500 cache hits: 0 getCandles calls, and
 *     the heap growth per prediction next to the same figure with the cache off.
 * @module
 */
import { forkHelper, nextMessage, runLoad, startHelperServer, stop } from "./processes.mjs";
import { fetchJson, fmt } from "./stats.mjs";

export async function cacheHitRows({ quick, registryDir }) {
  const env = {
    ...process.env,
    MODEL_REGISTRY_DIR: registryDir,
    INFERENCE_CACHE_TTL_MS: "600000",
    LOG_LEVEL: "silent",
  };
  const api = await startHelperServer("api-child.mjs", [], { env });
  let http;
  try {
    const url = `${api.url}/predict?symbol=AAPL`;
    await fetchJson(url);
    api.child.send({ type: "stats" });
    const before = (await nextMessage(api.child, "stats")).getCandles;
    const load = await runLoad({ url, connections: 50, duration: quick ? 0.3 : 2 });
    api.child.send({ type: "stats" });
    const after = (await nextMessage(api.child, "stats")).getCandles;
    http = { calls: after - before, requests: load.requestsTotal, ok: load.ok };
  } finally {
    await stop(api.child);
  }

  const child = forkHelper("alloc-child.mjs", [], {
    env,
    execArgv: ["--expose-gc", "--max-semi-space-size=64"],
  });
  let alloc;
  try {
    alloc = await nextMessage(child, "alloc");
  } finally {
    await stop(child);
  }
  const met =
    http.calls === 0 && http.ok > 0 && alloc.hit.getCandles === 0 && alloc.miss.getCandles > 0;
  return [
    {
      group: "serving",
      name: "cache hit path: getCandles calls (no candle arrays)",
      medianMs: undefined,
      target: "0 calls",
      met,
      getCandlesCalls: http.calls + alloc.hit.getCandles,
      note: `HTTP: ${http.calls} getCandles calls during ${http.requests} warm /predict (50 connections); in process: ${alloc.hit.getCandles} calls in ${alloc.n} hits, heap +${fmt(alloc.hit.bytes)} B per hit vs +${fmt(alloc.miss.bytes)} B per prediction with the cache off (${alloc.miss.getCandles} getCandles calls).`,
    },
  ];
}
