import {
  createHttpSource,
  createSampleSource,
  type MarketDataSource,
  SymbolNotFoundError,
} from "@mle/market-client";
import { type ReferenceUpstream, startReferenceUpstream } from "@mle/market-client/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { loadApiConfig } from "../src/config";
import { createSource } from "../src/market-source";
import { createApiMetrics } from "../src/metrics/api-metrics";
import { recordUpstreamEvent } from "../src/metrics/upstream-events";
import { listen } from "./http-support";
import { silentLogger } from "./support";

/** The sample source, except that "NOPE" does not exist (the upstream answers 404 for it). */
const sample = createSampleSource();
const upstreamSource: MarketDataSource = {
  kind: "sample-with-unknown",
  getCandles: (symbol, options) =>
    symbol === "NOPE"
      ? Promise.reject(new SymbolNotFoundError(symbol))
      : sample.getCandles(symbol, options),
};

let upstream: ReferenceUpstream;
beforeAll(async () => {
  upstream = await startReferenceUpstream({ source: upstreamSource, host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await upstream.close();
});
afterEach(() => {
  upstream.setFaults({});
});

type Api = {
  url: string;
  close: () => Promise<void>;
  metrics: ReturnType<typeof createApiMetrics>;
};

type Timings = {
  timeoutMs?: number;
  maxRetries?: number;
  failureThreshold?: number;
  resetMs?: number;
};

/** The real API over HTTP, reading the real upstream through the http source with tiny timings. */
async function startApi(options: Timings = {}): Promise<Api> {
  const metrics = createApiMetrics({ version: "test", uptimeSeconds: () => 0 });
  const source = createHttpSource({
    baseUrl: upstream.url,
    timeoutMs: options.timeoutMs ?? 1000,
    maxRetries: options.maxRetries ?? 1,
    backoffMs: 1,
    breaker: {
      failureThreshold: options.failureThreshold ?? 1000,
      resetMs: options.resetMs ?? 60_000,
    },
    random: () => 0.5,
    // Through the same recorder the server uses.
    onEvent: (e) => recordUpstreamEvent(metrics, e),
  });
  metrics.registry.onCollect(() => metrics.setCircuitState(source.breakerState));
  const app = createApp({ source, config: loadApiConfig({}), logger: silentLogger, metrics });
  const server = await listen(app.fetch);
  return { ...server, metrics };
}

async function get(api: Api, path: string) {
  const res = await fetch(`${api.url}${path}`);
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return {
    status: res.status,
    body,
    requestId: res.headers.get("x-request-id"),
    text: JSON.stringify(body),
  };
}

describe("upstream errors over real loopback HTTP", () => {
  it("serves features from the upstream when it is healthy", async () => {
    const api = await startApi();
    try {
      const r = await get(api, "/features?symbol=aapl&lookback=5&limit=3");
      expect(r.status).toBe(200);
      expect((r.body as unknown as { features: unknown[] }).features).toHaveLength(3);
    } finally {
      await api.close();
    }
  });

  it("maps an upstream 404 to 404 SYMBOL_NOT_FOUND", async () => {
    const api = await startApi();
    try {
      const r = await get(api, "/features?symbol=nope&lookback=5");
      expect(r.status).toBe(404);
      expect(r.body.error?.code).toBe("SYMBOL_NOT_FOUND");
      expect(r.requestId).toBeTruthy();
    } finally {
      await api.close();
    }
  });

  it.each<[string, number, string, Parameters<ReferenceUpstream["setFaults"]>[0], Timings?]>([
    ["a malformed upstream body", 502, "UPSTREAM_BAD_RESPONSE", { malformedRate: 1 }],
    ["a schema violation", 502, "UPSTREAM_BAD_RESPONSE", { schemaViolationRate: 1 }],
    ["dropped connections", 503, "UPSTREAM_UNAVAILABLE", { dropRate: 1 }],
    [
      "attempts that all time out",
      504,
      "UPSTREAM_TIMEOUT",
      { latencyMs: 400 },
      { timeoutMs: 50, maxRetries: 1 },
    ],
  ])("maps %s to %i %s", async (_what, status, code, faults, http) => {
    const api = await startApi(http);
    try {
      upstream.setFaults(faults);
      const r = await get(api, "/features?symbol=AAPL&lookback=5");
      expect(r.status).toBe(status);
      expect(r.body.error?.code).toBe(code);
      expect(r.text).not.toContain(upstream.url);
    } finally {
      await api.close();
    }
  });

  it("maps 5xx after the retries are exhausted to 503 UPSTREAM_UNAVAILABLE", async () => {
    const api = await startApi({ maxRetries: 2 });
    try {
      upstream.setFaults({ errorRate: 1, errorStatus: 500 });
      upstream.resetStats();
      const r = await get(api, "/features?symbol=AAPL&lookback=5");
      expect(r.status).toBe(503);
      expect(r.body.error?.code).toBe("UPSTREAM_UNAVAILABLE");
      expect(upstream.stats.requests).toBe(3);
    } finally {
      await api.close();
    }
  });

  it("fails fast with 503 while the circuit is open, then recovers when the upstream is back", async () => {
    const api = await startApi({ maxRetries: 0, failureThreshold: 2, resetMs: 50 });
    try {
      upstream.setFaults({ errorRate: 1, errorStatus: 503 });
      for (let i = 0; i < 2; i++) {
        expect((await get(api, "/features?symbol=AAPL&lookback=5")).status).toBe(503);
      }
      upstream.resetStats();
      const refused = await get(api, "/features?symbol=AAPL&lookback=5");
      expect(refused.status).toBe(503);
      expect(refused.body.error?.code).toBe("UPSTREAM_UNAVAILABLE");
      expect(upstream.stats.requests).toBe(0);
      const scrape = await (await fetch(`${api.url}/metrics`)).text();
      expect(scrape).toContain("mle_upstream_circuit_state 2");
      expect(scrape).toMatch(
        /mle_upstream_failures_total\{code="UPSTREAM_UNAVAILABLE",circuit_open="true"\} [1-9]/,
      );

      upstream.setFaults({});
      await new Promise((r) => setTimeout(r, 80));
      const recovered = await get(api, "/features?symbol=AAPL&lookback=5&limit=2");
      expect(recovered.status).toBe(200);
      expect(await (await fetch(`${api.url}/metrics`)).text()).toContain(
        "mle_upstream_circuit_state 0",
      );
    } finally {
      await api.close();
    }
  });

  it("records upstream calls, retries and failures in /metrics", async () => {
    const api = await startApi({ maxRetries: 1 });
    try {
      upstream.setFaults({ failNext: 1, errorStatus: 503 });
      expect((await get(api, "/features?symbol=AAPL&lookback=5")).status).toBe(200);
      const text = await (await fetch(`${api.url}/metrics`)).text();
      expect(text).toMatch(/^mle_upstream_requests_total 2$/m);
      expect(text).toMatch(/^mle_upstream_retries_total\{reason="status 503"\} 1$/m);
      expect(text).toMatch(/^mle_upstream_calls_total\{outcome="success"\} 1$/m);
      expect(text).toMatch(/^mle_upstream_responses_total\{status_class="5xx"\} 1$/m);
    } finally {
      await api.close();
    }
  });
});

describe("createSource", () => {
  it("wires the http source's events into the metrics", async () => {
    const metrics = createApiMetrics({ version: "t", uptimeSeconds: () => 0 });
    const source = createSource(
      {
        source: "http",
        baseUrl: upstream.url,
        timeoutMs: 1000,
        maxRetries: 0,
        backoffMs: 1,
      } as Parameters<typeof createSource>[0],
      metrics,
    );
    expect(source.kind).toBe("http");
    await source.getCandles("AAPL", { limit: 5 });
    expect(metrics.upstreamCalls.get({ outcome: "success" })).toBe(1);
    expect(metrics.circuitState.get()).toBe(0);
  });
});
