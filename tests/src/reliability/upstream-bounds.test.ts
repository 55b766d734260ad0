/**
 * A hostile upstream against the built server process (MARKET_DATA_SOURCE=http): endless and
 * trickling bodies, a maximum-size answer, a redirect to another port and a year-9999 candle.
 * The server must answer each within its bounds, close the upstream connection it gave up on,
 * keep its memory, and keep /health responsive while it parses the largest body it accepts.
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./support/api-process";
import { trainRegistry } from "./support/fixture";
import { errorOf, rawRequest } from "./support/raw-http";
import { tempDir } from "./support/temp";

const MAX_BYTES = 4 * 1024 * 1024; // the default MARKET_DATA_MAX_RESPONSE_BYTES
const DAY = 86_400_000;
/** Worst /health latency accepted while the server parses a maximum-size answer (see docs/guarantees.md). */
const HEALTH_BOUND_MS = 1500;

interface Upstream {
  readonly url: string;
  readonly requests: string[];
  /** One promise per request, resolved when its socket closes. */
  readonly closed: Promise<void>[];
  close(): Promise<void>;
}

async function listen(
  handler: (symbol: string, req: IncomingMessage, res: ServerResponse) => void,
): Promise<Upstream> {
  const requests: string[] = [];
  const closed: Promise<void>[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? "");
    closed.push(new Promise((resolve) => req.socket.once("close", () => resolve())));
    const symbol = new URL(req.url ?? "/", "http://x").searchParams.get("symbol") ?? "";
    handler(symbol, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    closed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A valid `{ symbol, candles }` body of daily candles ending yesterday, as close to `bytes` as fits. */
function candlesBody(symbol: string, bytes: number): Buffer {
  const end = Math.floor(Date.now() / DAY) * DAY - DAY;
  const candle = (i: number, n: number) => {
    const close = 100 + 10 * Math.sin(i / 7) + i / 1000 + 0.123456789012345;
    return `{"timestamp":"${new Date(end - (n - 1 - i) * DAY).toISOString()}","open":${close},"high":${close + 1.5},"low":${close - 1.5},"close":${close},"volume":${1_000_000 + i}}`;
  };
  const perCandle = candle(0, 1).length + 1;
  const n = Math.floor((bytes - 64) / perCandle);
  const items = Array.from({ length: n }, (_, i) => candle(i, n));
  return Buffer.from(`{"symbol":"${symbol}","candles":[${items.join(",")}]}`);
}

function endless(res: ServerResponse) {
  res.writeHead(200, { "content-type": "application/json" });
  res.write('{"candles":[');
  const item = '{"t":1000000000,"o":1,"h":2,"l":1,"c":2,"v":1},'.repeat(1000);
  const pump = () => {
    while (!res.destroyed && res.write(item)) {}
    if (!res.destroyed) res.once("drain", pump);
  };
  pump();
}

function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} after ${ms} ms`)), ms),
    ),
  ]);
}

/** Resident memory of a process in MiB, from /proc (Linux). */
async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

let base: { dir: string; cleanup: () => Promise<void> };
let elsewhere: Upstream;
let upstream: Upstream;
let api: ApiProcess;
let big: Buffer;

beforeAll(async () => {
  base = await tempDir();
  const registryDir = await trainRegistry(base.dir, [1]);
  big = candlesBody("BIG", MAX_BYTES);
  elsewhere = await listen((_s, _req, res) => res.end("[]"));
  upstream = await listen((symbol, _req, res) => {
    if (symbol === "ENDLESS") return endless(res);
    if (symbol === "TRICKLE") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"candles":[');
      const timer = setInterval(() => res.write(" "), 50);
      res.once("close", () => clearInterval(timer));
      return;
    }
    if (symbol === "OK") return res.end(candlesBody("OK", 20_000));
    if (symbol === "BIG") {
      res.writeHead(200, { "content-type": "application/json", "content-length": big.length });
      return res.end(big);
    }
    if (symbol === "REDIRECT") {
      res.writeHead(302, { location: `${elsewhere.url}/candles?symbol=AAPL` });
      return res.end();
    }
    if (symbol === "FUTURE") {
      const body = JSON.parse(candlesBody("FUTURE", 20_000).toString()) as {
        candles: { timestamp: string }[];
      };
      body.candles.at(-1)!.timestamp = "9999-12-31T00:00:00.000Z";
      return res.end(JSON.stringify(body));
    }
    res.writeHead(404).end();
  });
  api = await startApiProcess({
    MARKET_DATA_SOURCE: "http",
    MARKET_DATA_BASE_URL: upstream.url,
    MARKET_DATA_TIMEOUT_MS: "1500",
    MARKET_DATA_MAX_RETRIES: "0",
    MODEL_REGISTRY_DIR: registryDir,
    INFERENCE_CACHE_TTL_MS: "0",
  });
});

afterAll(async () => {
  await api?.stop();
  await upstream?.close();
  await elsewhere?.close();
  await base?.cleanup();
});

// A good answer after each case resets the circuit breaker's count of consecutive failures
// (5 open it), so every case meets the upstream rather than an open circuit.
afterEach(async () => {
  const r = await rawRequest(api.url, "/predict?symbol=OK");
  expect(r.status, r.text).toBe(200);
});

describe("a hostile upstream cannot make the server read without bound", () => {
  it("an endless body is cut at MARKET_DATA_MAX_RESPONSE_BYTES: 502, connection closed, memory kept", async () => {
    const before = await rssMiB(api.child.pid!);
    for (let i = 0; i < 3; i++) {
      const r = await rawRequest(api.url, "/predict?symbol=ENDLESS");
      expect(r.status, r.text).toBe(502);
      expect(errorOf(r)?.code).toBe("UPSTREAM_BAD_RESPONSE");
    }
    const mine = upstream.requests.flatMap((u, i) => (u.includes("ENDLESS") ? [i] : []));
    expect(mine).toHaveLength(3);
    await within(3000, Promise.all(mine.map((i) => upstream.closed[i])), "a socket is still open");
    const grown = (await rssMiB(api.child.pid!)) - before;
    console.log(
      `endless body x3: server RSS ${before.toFixed(0)} MiB, grew ${grown.toFixed(0)} MiB`,
    );
    // Unbounded, 3 reads of an endless body grow the server by gigabytes; bounded, by buffers.
    expect(grown).toBeLessThan(200);
  });

  it("a body trickling past the per-attempt deadline is 504 at the deadline and its socket is closed", async () => {
    const r = await rawRequest(api.url, "/predict?symbol=TRICKLE");
    expect(r.status, r.text).toBe(504);
    expect(errorOf(r)?.code).toBe("UPSTREAM_TIMEOUT");
    const i = upstream.requests.findIndex((u) => u.includes("TRICKLE"));
    await within(3000, upstream.closed[i]!, "the trickling socket is still open");
  });

  it("a redirect to another port is 502 and the other port is never asked", async () => {
    const r = await rawRequest(api.url, "/predict?symbol=REDIRECT");
    expect(r.status, r.text).toBe(502);
    expect(errorOf(r)?.code).toBe("UPSTREAM_BAD_RESPONSE");
    expect(elsewhere.requests).toEqual([]);
  });

  it("a candle dated 9999-12-31 is 502, not served as the latest", async () => {
    const r = await rawRequest(api.url, "/predict?symbol=FUTURE");
    expect(r.status, r.text).toBe(502);
    expect(errorOf(r)?.code).toBe("UPSTREAM_BAD_RESPONSE");
  });

  it(`/health stays under ${HEALTH_BOUND_MS} ms while the server parses maximum-size answers`, async () => {
    let busy = true;
    const latencies: number[] = [];
    const prober = (async () => {
      while (busy) {
        latencies.push((await rawRequest(api.url, "/health")).ms);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    try {
      for (let i = 0; i < 5; i++) {
        const r = await rawRequest(api.url, "/predict?symbol=BIG");
        expect(r.status, r.text).toBe(200);
      }
    } finally {
      busy = false;
      await prober;
    }
    const worst = Math.max(...latencies);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `/health during 5 answers of ${big.length} bytes (${(big.length / 1048576).toFixed(2)} MiB): ` +
        `${latencies.length} probes, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
    );
    expect(latencies.length).toBeGreaterThan(5);
    expect(worst).toBeLessThan(HEALTH_BOUND_MS);
  });
});

describe("cost amplification: cold fetches per process are bounded", () => {
  it("60 concurrent predictions of new symbols never have more than 16 upstream requests open at once", async () => {
    const { startReferenceUpstream } = await import("@mle/market-client/testing");
    const { createSampleSource } = await import("@mle/market-client");
    const base = await tempDir();
    const upstream = await startReferenceUpstream({ source: createSampleSource() });
    const registryDir = await trainRegistry(base.dir, [1]);
    const api = await startApiProcess({
      MODEL_REGISTRY_DIR: registryDir,
      MARKET_DATA_SOURCE: "http",
      MARKET_DATA_BASE_URL: upstream.url,
      MARKET_DATA_TIMEOUT_MS: "10000",
    });
    try {
      upstream.setFaults({ latencyMs: 150 });
      upstream.resetStats();
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => fetch(`${api.url}/predict?symbol=COLD${i}`)),
      );
      expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
      expect(upstream.stats.requests).toBeGreaterThanOrEqual(60);
      // More than the batch concurrency (8), at most the documented bound.
      expect(upstream.stats.peakInFlight).toBeGreaterThan(8);
      expect(upstream.stats.peakInFlight).toBeLessThanOrEqual(16);
    } finally {
      await api.stop();
      await upstream.close();
      await base.cleanup();
    }
  }, 60_000);
});
