import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Candle } from "./candle";
import {
  isMarketDataError,
  MarketDataError,
  SymbolNotFoundError,
  UpstreamBadResponseError,
  UpstreamUnavailableError,
} from "./errors";
import type { UpstreamEvent } from "./events";
import { createHttpSource, type HttpSourceOptions } from "./http-source";
import { type ReferenceUpstream, startReferenceUpstream } from "./testing";
import { createSampleSource } from "./sample-source";
import type { MarketDataSource } from "./source";

const sample = createSampleSource({ seed: 5 });
/** The sample source, except that "NOPE" is unknown: what a real upstream's 404 looks like. */
const source: MarketDataSource = {
  kind: "test",
  getCandles: (symbol, options) =>
    symbol === "NOPE"
      ? Promise.reject(new SymbolNotFoundError(symbol))
      : sample.getCandles(symbol, options),
};

let upstream: ReferenceUpstream;

// A fresh upstream per test: a request a previous test abandoned can never be counted in the next one.
beforeEach(async () => {
  upstream = await startReferenceUpstream({ source });
});

afterEach(async () => {
  await upstream.close();
});

function client(overrides: Partial<HttpSourceOptions> = {}) {
  const events: UpstreamEvent[] = [];
  const http = createHttpSource({
    baseUrl: upstream.url,
    // Generous: the shared CI machine can be slow; tests of the timeout itself set their own.
    timeoutMs: 10_000,
    maxRetries: 3,
    backoffMs: 1,
    random: () => 0.5,
    onEvent: (e) => events.push(e),
    ...overrides,
  });
  return { http, events };
}

async function failure(promise: Promise<Candle[]>): Promise<MarketDataError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof MarketDataError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

describe("createHttpSource against the reference upstream", () => {
  it("returns exactly the candles of the upstream's source", async () => {
    const { http, events } = client();
    const candles = await http.getCandles("aapl", { limit: 250 });
    expect(candles).toEqual(await sample.getCandles("AAPL", { limit: 250 }));
    expect(upstream.stats.bySymbol).toEqual({ AAPL: 1 });
    expect(events.map((e) => e.type)).toEqual(["request", "response", "success"]);
  });

  it("accepts a bare array body", async () => {
    const bare = await startReferenceUpstream({ source, shape: "array" });
    try {
      const candles = await createHttpSource({ baseUrl: bare.url }).getCandles("MSFT", {
        limit: 5,
      });
      expect(candles).toEqual(await sample.getCandles("MSFT", { limit: 5 }));
    } finally {
      await bare.close();
    }
  });

  it("retries 5xx answers and then succeeds", async () => {
    upstream.setFaults({ failNext: 2, errorStatus: 503 });
    const { http, events } = client();
    const candles = await http.getCandles("AAPL", { limit: 10 });
    expect(candles).toHaveLength(10);
    expect(upstream.stats.requests).toBe(3);
    const retries = events.filter((e) => e.type === "retry");
    expect(retries.map((e) => e.reason)).toEqual(["status 503", "status 503"]);
    // full jitter with random() = 0.5: 0.5 * 1 * 2^0 -> 0, 0.5 * 1 * 2^1 -> 1
    expect(retries.map((e) => e.delayMs)).toEqual([0, 1]);
  });

  it("gives up with UPSTREAM_UNAVAILABLE after 1 + maxRetries attempts", async () => {
    upstream.setFaults({ failNext: 100, errorStatus: 500 });
    const { http, events } = client({ maxRetries: 2 });
    const err = await failure(http.getCandles("AAPL", { limit: 10 }));
    expect(err).toBeInstanceOf(UpstreamUnavailableError);
    expect(err).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", status: 500, attempts: 3 });
    expect(upstream.stats.requests).toBe(3);
    expect(events.at(-1)).toMatchObject({
      type: "failure",
      code: "UPSTREAM_UNAVAILABLE",
      attempts: 3,
    });
  });

  it("waits the Retry-After of a 429 instead of the backoff", async () => {
    upstream.setFaults({ failNext: 1, errorStatus: 429, retryAfterSeconds: 0.05 });
    const { http, events } = client({ random: () => 0 });
    await http.getCandles("AAPL", { limit: 10 });
    const retry = events.find((e) => e.type === "retry");
    expect(retry).toMatchObject({ reason: "status 429", delayMs: 50, retryAfter: true });
    expect(upstream.stats.requests).toBe(2);
  });

  it("caps a long Retry-After at maxRetryAfterMs", async () => {
    upstream.setFaults({ failNext: 1, errorStatus: 503, retryAfterSeconds: 3600 });
    const { http, events } = client({ maxRetryAfterMs: 20 });
    await http.getCandles("AAPL", { limit: 10 });
    expect(events.find((e) => e.type === "retry")).toMatchObject({ delayMs: 20, retryAfter: true });
  });

  it("times out a slow upstream with UPSTREAM_TIMEOUT after every attempt", async () => {
    upstream.setFaults({ latencyMs: 1000 });
    const { http, events } = client({ timeoutMs: 30, maxRetries: 1 });
    const err = await failure(http.getCandles("AAPL", { limit: 10 }));
    expect(err).toMatchObject({ code: "UPSTREAM_TIMEOUT", timeoutMs: 30, attempts: 2 });
    expect(events.filter((e) => e.type === "retry").map((e) => e.reason)).toEqual(["timeout"]);
  });

  it("rejects malformed JSON with UPSTREAM_BAD_RESPONSE without retrying", async () => {
    upstream.setFaults({ failNext: 1, failNextWith: "malformed" });
    const err = await failure(client().http.getCandles("AAPL", { limit: 10 }));
    expect(err).toBeInstanceOf(UpstreamBadResponseError);
    expect(err.message).toMatch(/not JSON/);
    expect(upstream.stats.requests).toBe(1);
  });

  it("rejects a schema violation naming the candle and field, without retrying", async () => {
    upstream.setFaults({ failNext: 1, failNextWith: "schema" });
    const err = await failure(client().http.getCandles("AAPL", { limit: 10 }));
    expect(err).toMatchObject({ code: "UPSTREAM_BAD_RESPONSE", index: 0, field: "timestamp" });
    expect(upstream.stats.requests).toBe(1);
  });

  it("retries a truncated body and then succeeds", async () => {
    upstream.setFaults({ failNext: 1, failNextWith: "truncate" });
    const { http, events } = client();
    expect(await http.getCandles("AAPL", { limit: 500 })).toHaveLength(500);
    expect(events.find((e) => e.type === "retry")).toMatchObject({ reason: "network" });
    expect(upstream.stats.requests).toBe(2);
  });

  it("retries a dropped connection and reports UPSTREAM_UNAVAILABLE when every attempt drops", async () => {
    upstream.setFaults({ failNext: 1, failNextWith: "drop" });
    expect(await client().http.getCandles("AAPL", { limit: 3 })).toHaveLength(3);
    upstream.setFaults({ dropRate: 1 });
    const err = await failure(client({ maxRetries: 1 }).http.getCandles("AAPL", { limit: 3 }));
    expect(err).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", attempts: 2 });
  });

  it("maps 404 to SYMBOL_NOT_FOUND without retrying or tripping the breaker", async () => {
    const { http } = client({ breaker: { failureThreshold: 1 } });
    const err = await failure(http.getCandles("nope", { limit: 10 }));
    expect(err).toMatchObject({ code: "SYMBOL_NOT_FOUND", symbol: "NOPE" });
    expect(upstream.stats.requests).toBe(1);
    expect(http.breakerState).toBe("closed");
  });

  it("does not retry other 4xx answers", async () => {
    upstream.setFaults({ failNext: 1, errorStatus: 400 });
    const err = await failure(client().http.getCandles("AAPL", { limit: 10 }));
    expect(err).toMatchObject({ code: "UPSTREAM_BAD_RESPONSE", status: 400 });
    expect(upstream.stats.requests).toBe(1);
  });

  it("opens the circuit after consecutive failures, fails fast, then closes after a good probe", async () => {
    let clock = Date.parse("2026-01-01T00:00:00Z"); // after the sample data: no candle is from the future
    const { http, events } = client({
      maxRetries: 0,
      breaker: { failureThreshold: 2, resetMs: 1000 },
      now: () => clock,
    });
    upstream.setFaults({ errorRate: 1 });
    await failure(http.getCandles("AAPL", { limit: 5 }));
    await failure(http.getCandles("AAPL", { limit: 5 }));
    expect(http.breakerState).toBe("open");
    const fast = await failure(http.getCandles("AAPL", { limit: 5 }));
    expect(fast).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", circuitOpen: true });
    expect(upstream.stats.requests).toBe(2);

    clock += 1000;
    upstream.setFaults({});
    expect(await http.getCandles("AAPL", { limit: 5 })).toHaveLength(5);
    expect(http.breakerState).toBe("closed");
    expect(events.filter((e) => e.type === "breaker").map((e) => `${e.from}->${e.to}`)).toEqual([
      "closed->open",
      "open->half-open",
      "half-open->closed",
    ]);
  });

  it("re-opens when the half-open probe fails, and the probe makes a single attempt", async () => {
    let clock = Date.parse("2026-01-01T00:00:00Z"); // after the sample data: no candle is from the future
    const { http } = client({
      maxRetries: 3,
      breaker: { failureThreshold: 1, resetMs: 1000 },
      now: () => clock,
    });
    upstream.setFaults({ errorRate: 1 });
    await failure(http.getCandles("AAPL", { limit: 5 }));
    expect(upstream.stats.requests).toBe(4);
    clock += 1000;
    await failure(http.getCandles("AAPL", { limit: 5 }));
    expect(upstream.stats.requests).toBe(5);
    expect(http.breakerState).toBe("open");
  });

  it("honours the caller's abort signal during a request", async () => {
    upstream.setFaults({ latencyMs: 2000 });
    const controller = new AbortController();
    const { http, events } = client({ timeoutMs: 5000 });
    const pending = http.getCandles("AAPL", { limit: 5, signal: controller.signal });
    // Abort once the upstream holds the request.
    while (upstream.stats.requests === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new DOMException("caller gave up", "AbortError"));
    await expect(pending).rejects.toMatchObject({ name: "AbortError", message: "caller gave up" });
    expect(events.some((e) => e.type === "retry")).toBe(false);
    expect(http.breakerState).toBe("closed");
  });

  it("honours the caller's abort signal during a backoff wait", async () => {
    upstream.setFaults({ failNext: 5, errorStatus: 503, retryAfterSeconds: 5 });
    const controller = new AbortController();
    const { http, events } = client({
      onEvent: (e) => e.type === "retry" && controller.abort(new Error("stop")),
    });
    await expect(http.getCandles("AAPL", { limit: 5, signal: controller.signal })).rejects.toThrow(
      "stop",
    );
    expect(events).toEqual([]);
    expect(upstream.stats.requests).toBe(1);
  });

  it("keeps credentials of the base URL out of error messages", async () => {
    const dead = await startReferenceUpstream({ source });
    const port = new URL(dead.url).port;
    await dead.close();
    const http = createHttpSource({
      baseUrl: `http://alice:s3cret@127.0.0.1:${port}/v1?token=abc`,
      maxRetries: 0,
    });
    const err = await failure(http.getCandles("AAPL", { limit: 5 }));
    expect(isMarketDataError(err, "UPSTREAM_UNAVAILABLE")).toBe(true);
    expect(err.message).toContain(`127.0.0.1:${port}/v1/candles`);
    expect(err.message).not.toMatch(/alice|s3cret|token|abc/);
  });

  it("ignores an onEvent observer that throws", async () => {
    const http = createHttpSource({
      baseUrl: upstream.url,
      onEvent: () => {
        throw new Error("observer bug");
      },
    });
    expect(await http.getCandles("AAPL", { limit: 2 })).toHaveLength(2);
  });
});
