/**
 * Serving benchmarks (issue 7, items 3 and 4), every ratio against a baseline measured in the
 * same run, every server and the load generator in separate processes, loopback only:
 *   - GET /predict throughput (real apps/api/dist/server.js, sample source, warm model, cache on)
 *     ÷ a bare Hono route on @hono/node-server answering a same-size static JSON; p99 latency;
 *   - cache hit path: getCandles calls during a run of cache hits (must be 0), heap per hit;
 *   - cold first prediction and start-up (spawn → listening → /ready 200 with a trained registry);
 *   - POST /predict/batch with 100 symbols (cold and warm);
 *   - the upstream path against the reference upstream (MARKET_DATA_SOURCE=http): single-flight
 *     hit rate from the upstream's own request count.
 *
 *   node bench/src/serving.bench.mjs [--quick]   (after `pnpm turbo run build --filter=@mle/api...`)
 */
import { pathToFileURL } from "node:url";
import { requireBuiltApi } from "./serving/paths.mjs";
import { closeAll } from "./serving/processes.mjs";
import { batchRows } from "./serving/batch.mjs";
import { cacheHitRows } from "./serving/cache-hit.mjs";
import { startupRows } from "./serving/startup.mjs";
import { throughputRows } from "./serving/throughput.mjs";
import { createTrainedRegistry } from "./serving/train-registry.mjs";
import { upstreamRows } from "./serving/upstream.mjs";

export async function run({ quick }) {
  requireBuiltApi();
  const registry = await createTrainedRegistry();
  const rows = [];
  try {
    const ctx = { quick, registryDir: registry.dir };
    for (const part of [throughputRows, cacheHitRows, batchRows, upstreamRows, startupRows]) {
      rows.push(...(await part(ctx)));
    }
  } finally {
    await closeAll();
    registry.remove();
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await run({ quick: process.argv.includes("--quick") });
  console.table(rows.map(({ note, ...r }) => r));
  for (const r of rows) console.log(`${r.name}: ${r.note ?? ""}`);
}
