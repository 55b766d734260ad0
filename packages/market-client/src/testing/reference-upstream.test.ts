import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../errors";
import { type ReferenceUpstream, startReferenceUpstream } from "./reference-upstream";
import { createSampleSource } from "../sample-source";

const source = createSampleSource({ seed: 9 });
const started: ReferenceUpstream[] = [];

async function start(options: Omit<Parameters<typeof startReferenceUpstream>[0], "source"> = {}) {
  const upstream = await startReferenceUpstream({ source, ...options });
  started.push(upstream);
  return upstream;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((u) => u.close()));
});

async function statusSequence(upstream: ReferenceUpstream, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${upstream.url}/candles?symbol=AAPL&limit=2`);
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  return statuses;
}

describe("startReferenceUpstream", () => {
  it("serves the upstream contract and a health route on loopback", async () => {
    const upstream = await start();
    expect(upstream.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${upstream.url}/candles?symbol=msft&limit=3`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      symbol: "MSFT",
      candles: await source.getCandles("MSFT", { limit: 3 }),
    });
    expect(await (await fetch(`${upstream.url}/health`)).json()).toEqual({ status: "ok" });
  });

  it("answers 400 to an invalid symbol or limit and 404 to an unknown route", async () => {
    const upstream = await start();
    expect((await fetch(`${upstream.url}/candles?symbol=a%20b&limit=3`)).status).toBe(400);
    expect((await fetch(`${upstream.url}/candles?symbol=AAPL&limit=0`)).status).toBe(400);
    expect((await fetch(`${upstream.url}/candles?symbol=AAPL&limit=abc`)).status).toBe(400);
    expect((await fetch(`${upstream.url}/other`)).status).toBe(404);
  });

  it("counts requests overall and per symbol, and resets the counts", async () => {
    const upstream = await start();
    await fetch(`${upstream.url}/candles?symbol=AAPL&limit=1`);
    await fetch(`${upstream.url}/candles?symbol=aapl&limit=1`);
    await fetch(`${upstream.url}/candles?symbol=SPY&limit=1`);
    await fetch(`${upstream.url}/health`);
    expect(upstream.stats.requests).toBe(4);
    expect(upstream.stats.bySymbol).toEqual({ AAPL: 2, SPY: 1 });
    upstream.resetStats();
    expect(upstream.stats).toMatchObject({ requests: 0, bySymbol: {} });
  });

  it("fails the next n requests deterministically, then answers normally", async () => {
    const upstream = await start({
      faults: { failNext: 2, errorStatus: 429, retryAfterSeconds: 3 },
    });
    const res = await fetch(`${upstream.url}/candles?symbol=AAPL&limit=2`);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    expect(await statusSequence(upstream, 2)).toEqual([429, 200]);
    expect(upstream.stats.faults.error).toBe(2);
  });

  it("draws the same random faults for the same seed", async () => {
    const faults = { errorRate: 0.5, errorStatus: 502 };
    const a = await statusSequence(await start({ faults, seed: 123 }), 16);
    const b = await statusSequence(await start({ faults, seed: 123 }), 16);
    expect(a).toEqual(b);
    expect(a).toContain(502);
    expect(a).toContain(200);
  });

  it("sends malformed JSON and wrong-schema bodies on demand", async () => {
    const upstream = await start({ faults: { failNext: 1, failNextWith: "malformed" } });
    const text = await (await fetch(`${upstream.url}/candles?symbol=AAPL&limit=2`)).text();
    expect(() => JSON.parse(text)).toThrow();
    upstream.setFaults({ schemaViolationRate: 1 });
    const body = (await (await fetch(`${upstream.url}/candles?symbol=AAPL&limit=2`)).json()) as {
      candles: unknown[];
    };
    expect(body.candles[0]).not.toHaveProperty("close");
  });

  it("truncates a body below its content-length, and drops connections", async () => {
    const upstream = await start({ faults: { truncateRate: 1 } });
    await expect(
      fetch(`${upstream.url}/candles?symbol=AAPL&limit=50`).then((r) => r.text()),
    ).rejects.toThrow();
    upstream.setFaults({ dropRate: 1 });
    await expect(fetch(`${upstream.url}/candles?symbol=AAPL&limit=50`)).rejects.toThrow();
  });

  it("refuses an invalid fault set naming the field", async () => {
    const upstream = await start();
    expect(() => upstream.setFaults({ errorRate: 2 })).toThrow(ConfigError);
    expect(() => upstream.setFaults({ errorRate: 0.6, dropRate: 0.6 })).toThrow(/at most 1/);
    expect(() => upstream.setFaults({ errorStatus: 200 })).toThrow(
      /faults?\.?errorStatus|errorStatus/,
    );
  });

  it("closes while a keep-alive connection and a delayed request are open", async () => {
    const upstream = await start({ faults: { latencyMs: 60_000 } });
    const { port } = new URL(upstream.url);
    const outcome = new Promise<string>((resolve) => {
      const req = request({
        host: "127.0.0.1",
        port,
        path: "/candles?symbol=AAPL&limit=1",
        agent: false,
      });
      req.on("response", () => resolve("answered"));
      req.on("error", () => resolve("connection closed"));
      req.end();
    });
    while (upstream.stats.requests === 0) await new Promise((r) => setTimeout(r, 5));
    await upstream.close();
    expect(await outcome).toBe("connection closed");
  });
});
