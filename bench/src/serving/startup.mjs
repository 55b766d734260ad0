/**
 * Start-up of the real server (`node apps/api/dist/server.js`, trained registry, sample source):
 * spawn → "listening" log line → `/ready` 200, and in separate processes spawn → first `/predict`
 * 200 (cold: model load, sample path, features, all on the first request). Baseline: a bare Hono
 * process on the same adapter, spawn → listening.
 * @module
 */
import { startApiServer, startHelperServer, stop } from "./processes.mjs";
import { fetchJson, fmt, median, min } from "./stats.mjs";
import { PREDICT_PATH } from "./throughput.mjs";

async function sample(fn, reps) {
  const out = [];
  for (let i = 0; i < reps; i++) out.push(await fn());
  return out;
}

export async function startupRows({ quick, registryDir }) {
  const reps = quick ? 1 : 5;
  const env = { MODEL_REGISTRY_DIR: registryDir };

  const bare = await sample(async () => {
    const server = await startHelperServer("bare-child.mjs", ["{}"]);
    await stop(server.child);
    return server.listeningMs;
  }, reps);

  const ready = await sample(async () => {
    const api = await startApiServer(env);
    try {
      await fetchJson(`${api.url}/ready`);
      return { listening: api.listeningMs, ready: performance.now() - api.spawnedAt };
    } finally {
      await stop(api.child);
    }
  }, reps);

  const cold = await sample(async () => {
    const api = await startApiServer(env);
    try {
      const t0 = performance.now();
      await fetchJson(`${api.url}${PREDICT_PATH}`);
      const t1 = performance.now();
      await fetchJson(`${api.url}${PREDICT_PATH}`);
      return {
        total: t1 - api.spawnedAt,
        listening: api.listeningMs,
        first: t1 - t0,
        second: performance.now() - t1,
      };
    } finally {
      await stop(api.child);
    }
  }, reps);

  const listening = ready.map((r) => r.listening);
  const readyMs = ready.map((r) => r.ready);
  const coldTotal = cold.map((r) => r.total);
  const runs = `${reps} fresh process${reps > 1 ? "es" : ""}`;
  return [
    {
      group: "serving",
      name: "start-up: spawn → listening",
      medianMs: median(listening),
      minMs: min(listening),
      baselineMs: median(bare),
      ratio: median(listening) / median(bare),
      note: `baseline: bare Hono process, spawn → listening; ${runs}.`,
    },
    {
      group: "serving",
      name: "start-up: spawn → /ready 200 (trained registry)",
      medianMs: median(readyMs),
      minMs: min(readyMs),
      baselineMs: median(bare),
      ratio: median(readyMs) / median(bare),
      target: "< 1 s (reported)",
      met: median(readyMs) < 1000,
      note: `/ready loads and verifies the active model; ${runs}.`,
    },
    {
      group: "serving",
      name: "cold first /predict: spawn → 200",
      medianMs: median(coldTotal),
      minMs: min(coldTotal),
      baselineMs: median(cold.map((r) => r.listening)),
      ratio: median(coldTotal) / median(cold.map((r) => r.listening)),
      note: `baseline: spawn → listening of the same processes; the first request itself ${fmt(median(cold.map((r) => r.first)))} ms (model load + candles + features), the second ${fmt(median(cold.map((r) => r.second)))} ms; ${runs}.`,
    },
  ];
}
