/**
 * Throughput and latency of GET /predict (real server.js, sample source, warm model, cache on)
 * against a bare Hono route answering a same-size static JSON on the same adapter, both loaded by
 * autocannon in a separate process, interleaved in the same run.
 * @module
 */
import { cpuTimeMs, runLoad, startApiServer, startHelperServer, stop } from "./processes.mjs";
import { fetchJson, fmt, median, min } from "./stats.mjs";

const CONNECTIONS = 50;
export const PREDICT_PATH = "/predict?symbol=AAPL";

async function warmUp(url, requests) {
  const worker = async () => {
    for (let i = 0; i < requests / 10; i++) await (await fetch(url)).arrayBuffer();
  };
  await Promise.all(Array.from({ length: 10 }, worker));
}

/** @returns rows for the req/s ratio, p99 latency and server CPU per request */
export async function throughputRows({ quick, registryDir }) {
  const duration = quick ? 1 : 5;
  const rounds = quick ? 1 : 3;
  const api = await startApiServer({ MODEL_REGISTRY_DIR: registryDir });
  let bare;
  try {
    const sample = await fetchJson(`${api.url}${PREDICT_PATH}`);
    bare = await startHelperServer("bare-child.mjs", [JSON.stringify(sample.body)]);
    const bareSample = await fetchJson(`${bare.url}${PREDICT_PATH}`);
    const targets = { api: `${api.url}${PREDICT_PATH}`, bare: `${bare.url}${PREDICT_PATH}` };
    const pids = { api: api.child.pid, bare: bare.child.pid };
    // Each run also records the server's CPU time per answered request: unlike req/s, it barely
    // moves when other work shares the machine.
    const load = async (which, seconds) => {
      const cpu0 = cpuTimeMs(pids[which]);
      const result = await runLoad({
        url: targets[which],
        connections: CONNECTIONS,
        duration: seconds,
      });
      return { ...result, cpuUsPerReq: ((cpuTimeMs(pids[which]) - cpu0) * 1000) / result.ok };
    };
    // Warm-up: JIT, the feature cache (quick mode: a few hundred requests, no extra process).
    for (const which of ["api", "bare"]) {
      if (quick) await warmUp(targets[which], 300);
      else await load(which, 1);
    }

    const runs = { api: [], bare: [] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? ["api", "bare"] : ["bare", "api"];
      for (const which of order) runs[which].push(await load(which, duration));
    }
    const bad = [...runs.api, ...runs.bare].filter((x) => x.non2xx || x.errors || x.timeouts);
    const failures = bad.length
      ? ` WARNING: ${bad.map((x) => `${x.non2xx} non-2xx, ${x.errors} errors, ${x.timeouts} timeouts`).join("; ")}.`
      : "";
    const ratios = runs.api.map((a, i) => a.requestsPerSec / runs.bare[i].requestsPerSec);
    const apiRps = median(runs.api.map((x) => x.requestsPerSec));
    const bareRps = median(runs.bare.map((x) => x.requestsPerSec));
    const ratio = median(ratios);
    const cpuApi = median(runs.api.map((x) => x.cpuUsPerReq));
    const cpuBare = median(runs.bare.map((x) => x.cpuUsPerReq));
    const p99 = runs.api.map((x) => x.latency.p99);
    const bareP99 = runs.bare.map((x) => x.latency.p99);
    const setup = `${CONNECTIONS} connections, ${rounds}× ${duration} s per side interleaved, autocannon in its own process; body ${sample.bytes} B vs bare ${bareSample.bytes} B; LOG_LEVEL=info (request log piped and drained)`;
    return [
      {
        group: "serving",
        name: "GET /predict throughput ÷ bare Hono route (req/s)",
        ratio,
        target: "≥ 0.6",
        met: !failures && ratio >= 0.6,
        reqPerSec: apiRps,
        baselineReqPerSec: bareRps,
        cpuUsPerRequest: cpuApi,
        baselineCpuUsPerRequest: cpuBare,
        note: `/predict ${fmt(apiRps)} req/s vs bare ${fmt(bareRps)} req/s (medians); per-round ratios ${ratios.map(fmt).join(", ")}; server CPU per request ${fmt(cpuApi)} µs vs ${fmt(cpuBare)} µs (bare ÷ api ${fmt(cpuBare / cpuApi)}); ${setup}.${failures}`,
      },
      {
        group: "serving",
        name: "GET /predict server CPU per request (ms)",
        medianMs: cpuApi / 1000,
        minMs: min(runs.api.map((x) => x.cpuUsPerReq)) / 1000,
        baselineMs: cpuBare / 1000,
        ratio: cpuApi / cpuBare,
        note: "user+system CPU of the server process (/proc) ÷ answered requests during the runs above; baseline = bare Hono route. Steadier than req/s when other work shares the machine.",
      },
      {
        group: "serving",
        name: "GET /predict p99 latency, 50 connections",
        medianMs: median(p99),
        minMs: min(p99),
        baselineMs: median(bareP99),
        ratio: median(p99) / Math.max(1, median(bareP99)),
        target: "< 10 ms",
        met: !failures && median(p99) < 10,
        note: `baseline = bare Hono p99; /predict p50 ${fmt(median(runs.api.map((x) => x.latency.p50)))} ms (autocannon resolution 1 ms).${failures}`,
      },
    ];
  } finally {
    if (bare) await stop(bare.child);
    await stop(api.child);
  }
}
