/**
 * POST /predict/batch with 100 distinct symbols: cold (symbols never seen by this server: 100
 * sample paths, fetches and feature vectors) and warm (every vector cached), against 100
 * sequential GET /predict of the same warm symbols as the baseline.
 * @module
 */
import { startApiServer, stop } from "./processes.mjs";
import { fetchJson, fmt, median, min } from "./stats.mjs";

const N = 100;
const symbolsOf = (tag) => Array.from({ length: N }, (_, i) => `B${tag}S${i}`);

async function postBatch(url, symbols) {
  const t0 = performance.now();
  const { body } = await fetchJson(`${url}/predict/batch`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ symbols }),
  });
  const ms = performance.now() - t0;
  const ok = body.results.filter((r) => r.ok).length;
  if (ok !== symbols.length)
    throw new Error(`serving bench: batch answered ${ok}/${symbols.length} ok`);
  return ms;
}

export async function batchRows({ quick, registryDir }) {
  const reps = quick ? 1 : 7;
  const warmups = quick ? 1 : 3;
  const api = await startApiServer({
    MODEL_REGISTRY_DIR: registryDir,
    INFERENCE_CACHE_TTL_MS: "600000",
  });
  try {
    await fetchJson(`${api.url}/predict?symbol=AAPL`); // model loaded: "cold" means cold symbols
    const cold = [];
    for (let r = 0; r < reps; r++) cold.push(await postBatch(api.url, symbolsOf(r)));
    const warmSymbols = symbolsOf(0);
    const warm = [];
    const sequential = [];
    for (let r = 0; r < reps + warmups; r++) {
      warm.push(await postBatch(api.url, warmSymbols));
      const t0 = performance.now();
      for (const s of warmSymbols) await fetchJson(`${api.url}/predict?symbol=${s}`);
      sequential.push(performance.now() - t0);
    }
    warm.splice(0, warmups);
    sequential.splice(0, warmups);
    return [
      {
        group: "serving",
        name: "POST /predict/batch, 100 new symbols (cold cache)",
        medianMs: median(cold),
        minMs: min(cold),
        note: `${reps} batches of 100 symbols never requested before; per symbol ${fmt(median(cold) / N)} ms, mostly the sample source generating each new symbol's full history (it keeps 8 paths).`,
      },
      {
        group: "serving",
        name: "POST /predict/batch, 100 symbols (warm cache)",
        medianMs: median(warm),
        minMs: min(warm),
        baselineMs: median(sequential),
        ratio: median(warm) / median(sequential),
        note: "baseline: the same 100 symbols as 100 sequential GET /predict on one keep-alive connection.",
      },
    ];
  } finally {
    await stop(api.child);
  }
}
