import { createHttpSource, createSampleSource } from "@mle/market-client";
import { type ReferenceUpstream, startReferenceUpstream } from "@mle/market-client/testing";
import { saveSample } from "@mle/trainer/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { json, type RunningApi, tempRegistryPerTest } from "../../test/inference-support";

const sample = createSampleSource({ seed: 11 });
const temp = tempRegistryPerTest();
let upstream: ReferenceUpstream;

async function apiOverUpstream(
  env: Record<string, string>,
  http: { timeoutMs?: number; maxRetries?: number } = {},
): Promise<RunningApi> {
  const source = createHttpSource({
    baseUrl: upstream.url,
    timeoutMs: http.timeoutMs ?? 2000,
    maxRetries: http.maxRetries ?? 0,
    backoffMs: 1,
    random: () => 0.5,
  });
  return temp.startApi({ source, registry: temp.registry }, env);
}

beforeEach(async () => {
  await saveSample(temp.registry, sample);
  upstream = await startReferenceUpstream({ source: sample, host: "127.0.0.1", port: 0 });
});
afterEach(async () => {
  await upstream.close();
});

describe("GET /predict against the reference upstream", () => {
  it("makes exactly one upstream request for 20 concurrent requests for a symbol (cache off)", async () => {
    upstream.setFaults({ latencyMs: 300 });
    const a = await apiOverUpstream({ INFERENCE_CACHE_TTL_MS: "0" });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => a.get("/predict?symbol=AAPL")),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(responses.map((r) => json(r)));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(upstream.stats.requests).toBe(1);
    expect(upstream.stats.bySymbol).toEqual({ AAPL: 1 });
    // With the cache off, a later request fetches again.
    expect((await a.get("/predict?symbol=AAPL")).status).toBe(200);
    expect(upstream.stats.requests).toBe(2);
  });

  it("reuses the computed features within INFERENCE_CACHE_TTL_MS", async () => {
    const a = await apiOverUpstream({ INFERENCE_CACHE_TTL_MS: "60000" });
    for (let i = 0; i < 3; i++) expect((await a.get("/predict?symbol=MSFT")).status).toBe(200);
    expect(upstream.stats.requests).toBe(1);
    const metrics = await (await a.get("/metrics")).text();
    expect(metrics).toMatch(/mle_cache_hits_total\{cache="inference"\} 2/);
    expect(metrics).toMatch(/mle_cache_misses_total\{cache="inference"\} 1/);
    expect(metrics).toMatch(/mle_predictions_total\{model_version="v1"\} 3/);
    expect(metrics).toMatch(/mle_active_model_version\{version="v1"\} 1/);
  });

  it("maps upstream failures to 503, 502 and 504 without leaking the upstream URL", async () => {
    const a = await apiOverUpstream({ INFERENCE_CACHE_TTL_MS: "0" }, { timeoutMs: 150 });
    const cases: Array<[Parameters<ReferenceUpstream["setFaults"]>[0], number, string]> = [
      [{ failNext: 1, failNextWith: "error", errorStatus: 503 }, 503, "UPSTREAM_UNAVAILABLE"],
      [{ failNext: 1, failNextWith: "malformed" }, 502, "UPSTREAM_BAD_RESPONSE"],
      [{ failNext: 1, failNextWith: "schema" }, 502, "UPSTREAM_BAD_RESPONSE"],
      [{ latencyMs: 400 }, 504, "UPSTREAM_TIMEOUT"],
    ];
    for (const [faults, status, code] of cases) {
      upstream.setFaults(faults);
      const res = await a.get("/predict?symbol=AAPL");
      const body = await json<{ error: { code: string; message: string } }>(res);
      expect([res.status, body.error.code], code).toEqual([status, code]);
      expect(body.error.message).not.toContain(upstream.url);
    }
    upstream.setFaults({});
    expect((await a.get("/predict?symbol=AAPL")).status).toBe(200);
  });

  it("reports an upstream failure per symbol in a batch, with the public message", async () => {
    const a = await apiOverUpstream({ INFERENCE_CACHE_TTL_MS: "0" });
    upstream.setFaults({ failNext: 1, failNextWith: "malformed" });
    const res = await a.get("/predict/batch", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ symbols: ["AAPL"] }),
    });
    const { results } = await json<{
      results: Array<{ ok: boolean; error?: { code: string; message: string; status: number } }>;
    }>(res);
    expect(results[0]).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_BAD_RESPONSE", status: 502 },
    });
    expect(results[0]!.error!.message).not.toContain(upstream.url);
  });
});
