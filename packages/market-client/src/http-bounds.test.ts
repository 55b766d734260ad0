import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpSource } from "./http-source";
import { forceGc } from "./test-gc";

/** A loopback server that counts requests and sees when each of its sockets closes. */
interface Hostile {
  readonly url: string;
  readonly requests: string[];
  /** Bytes written into each response so far, in request order. */
  readonly written: number[];
  /** Resolves when the socket of request `i` closes. */
  closed(i: number): Promise<void>;
  close(): Promise<void>;
}

const open: Hostile[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function hostile(
  handler: (req: IncomingMessage, res: ServerResponse, count: (n: number) => void) => void,
): Promise<Hostile> {
  const requests: string[] = [];
  const written: number[] = [];
  const closings: Promise<void>[] = [];
  const server = createServer((req, res) => {
    const i = requests.push(req.url ?? "") - 1;
    written[i] = 0;
    closings[i] = new Promise((resolve) => req.socket.once("close", () => resolve()));
    handler(req, res, (n) => (written[i] = (written[i] ?? 0) + n));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const s: Hostile = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    written,
    closed: (i) => closings[i] ?? Promise.reject(new Error(`no request ${i}`)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(s);
  return s;
}

const CANDLE = '{"t":1704067200,"o":1,"h":2,"l":1,"c":2,"v":1}';

/** Writes candles as fast as the socket takes them, forever (each one a new day). */
function endless(res: ServerResponse, count: (n: number) => void, headers = {}) {
  res.writeHead(200, { "content-type": "application/json", ...headers });
  res.write("[");
  let day = 0;
  const pump = () => {
    for (;;) {
      if (res.destroyed) return;
      const chunk = Array.from({ length: 500 }, () =>
        CANDLE.replace("1704067200", String(1_000_000_000 + 86_400 * day++)),
      ).join(",");
      count(chunk.length + 1);
      if (!res.write(`${chunk},`)) break;
    }
    res.once("drain", pump);
  };
  pump();
}

/** Fails the test instead of hanging it when a socket never closes. */
function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} after ${ms} ms`)), ms),
    ),
  ]);
}

describe("createHttpSource bounds what it reads", () => {
  it("refuses a Content-Length over maxResponseBytes before reading the body", async () => {
    const up = await hostile((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "5000000" });
      res.write("[");
    });
    const http = createHttpSource({ baseUrl: up.url, maxResponseBytes: 100_000, maxRetries: 2 });
    const err = http.getCandles("AAPL", { limit: 5 });
    await expect(err).rejects.toMatchObject({ code: "UPSTREAM_BAD_RESPONSE" });
    await expect(err).rejects.toThrow(
      "announced 5000000 bytes, more than the 100000 allowed (MARKET_DATA_MAX_RESPONSE_BYTES)",
    );
    // Never retried: the upstream answered, with too much.
    expect(up.requests).toHaveLength(1);
    await within(2000, up.closed(0), "the upstream's socket is still open");
  });

  it("cuts a body that grows past maxResponseBytes and closes the connection", async () => {
    const up = await hostile((_req, res, count) => endless(res, count));
    const http = createHttpSource({
      baseUrl: up.url,
      maxResponseBytes: 200_000,
      timeoutMs: 20_000,
    });
    const err = http.getCandles("AAPL", { limit: 5 });
    await expect(err).rejects.toMatchObject({ code: "UPSTREAM_BAD_RESPONSE" });
    await expect(err).rejects.toThrow("more than the 200000 bytes allowed");
    expect(up.requests).toHaveLength(1);
    await within(2000, up.closed(0), "the upstream's socket is still open");
    // What the upstream managed to push is socket buffers away from the limit, not unbounded.
    expect(up.written[0]).toBeLessThan(20_000_000);
  });

  it("stops an endless body at the per-attempt deadline and releases the socket, even after a GC", async () => {
    const up = await hostile((_req, res, count) => endless(res, count));
    // Garbage collection while the body streams is what broke the abort under ky: undici's
    // Request follows its signal through weak references (nodejs/undici#4068).
    const http = createHttpSource({
      baseUrl: up.url,
      timeoutMs: 500,
      maxRetries: 0,
      maxResponseBytes: 1_000_000_000,
      onEvent: (e) => e.type === "response" && forceGc(),
    });
    const collector = setInterval(forceGc, 100);
    try {
      await expect(
        within(5000, http.getCandles("AAPL", { limit: 5 }), "the read did not stop"),
      ).rejects.toMatchObject({ code: "UPSTREAM_TIMEOUT" });
    } finally {
      clearInterval(collector);
    }
    await within(2000, up.closed(0), "the upstream's socket is still open");
    const after = up.written[0];
    await new Promise((r) => setTimeout(r, 200));
    expect(up.written[0]).toBe(after);
  });

  it("stops a body trickling past the deadline, each attempt releasing its socket", async () => {
    const up = await hostile((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      const timer = setInterval(() => res.write(" "), 50);
      res.once("close", () => clearInterval(timer));
    });
    const http = createHttpSource({ baseUrl: up.url, timeoutMs: 300, maxRetries: 1, backoffMs: 0 });
    await expect(http.getCandles("AAPL", { limit: 5 })).rejects.toMatchObject({
      code: "UPSTREAM_TIMEOUT",
      attempts: 2,
    });
    await within(2000, Promise.all([up.closed(0), up.closed(1)]), "a socket is still open");
  });
});

describe("createHttpSource and redirects", () => {
  it("does not follow a redirect by default: UPSTREAM_BAD_RESPONSE, the target is never asked", async () => {
    const target = await hostile((_req, res) => res.end("[]"));
    const up = await hostile((_req, res) => {
      res.writeHead(302, { location: `${target.url}/candles?symbol=AAPL` });
      res.end();
    });
    const err = createHttpSource({ baseUrl: up.url }).getCandles("AAPL", { limit: 5 });
    await expect(err).rejects.toMatchObject({ code: "UPSTREAM_BAD_RESPONSE", status: 302 });
    await expect(err).rejects.toThrow("answered a redirect (302)");
    expect(target.requests).toHaveLength(0);
    expect(up.requests).toHaveLength(1);
  });

  it("follows a same-origin redirect when allowed, and still refuses one to another port", async () => {
    const target = await hostile((_req, res) => res.end(`[${CANDLE}]`));
    const up = await hostile((req, res) => {
      if (req.url?.startsWith("/moved")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(`[${CANDLE}]`);
        return;
      }
      const where = req.url?.includes("symbol=AAPL") ? "/moved/candles" : `${target.url}/candles`;
      res.writeHead(301, { location: where });
      res.end();
    });
    const http = createHttpSource({ baseUrl: up.url, followRedirects: "same-origin" });
    const candles = await http.getCandles("AAPL", { limit: 5 });
    expect(candles).toHaveLength(1);
    expect(up.requests).toEqual(["/candles?symbol=AAPL&limit=5", "/moved/candles"]);

    const err = http.getCandles("MSFT", { limit: 5 });
    await expect(err).rejects.toMatchObject({ code: "UPSTREAM_BAD_RESPONSE", status: 301 });
    await expect(err).rejects.toThrow("to another origin");
    expect(target.requests).toHaveLength(0);
  });

  it("gives up after 5 same-origin redirects", async () => {
    const up = await hostile((req, res) => {
      res.writeHead(307, { location: `/loop${req.url}` });
      res.end();
    });
    const err = createHttpSource({ baseUrl: up.url, followRedirects: "same-origin" }).getCandles(
      "AAPL",
      { limit: 5 },
    );
    await expect(err).rejects.toThrow("more than 5 redirects");
    expect(up.requests).toHaveLength(6);
  });
});

describe("createHttpSource and candles from the future", () => {
  const at = (iso: string) =>
    `{"timestamp":"${iso}","open":1,"high":2,"low":1,"close":2,"volume":1}`;
  const now = () => Date.parse("2026-06-01T12:00:00Z");

  it("rejects a candle dated later than the clock plus the tolerance", async () => {
    const up = await hostile((_req, res) =>
      res.end(`[${at("2026-05-31T00:00:00Z")},${at("9999-12-31T00:00:00Z")}]`),
    );
    const err = createHttpSource({ baseUrl: up.url, now }).getCandles("AAPL", { limit: 5 });
    await expect(err).rejects.toMatchObject({
      code: "UPSTREAM_BAD_RESPONSE",
      index: 1,
      field: "timestamp",
    });
    await expect(err).rejects.toThrow("9999-12-31T00:00:00.000Z is later than");
  });

  it("accepts a candle within the tolerance (a daily bar dated by its close)", async () => {
    const up = await hostile((_req, res) => res.end(`[${at("2026-06-02T00:00:00Z")}]`));
    const candles = await createHttpSource({ baseUrl: up.url, now }).getCandles("AAPL", {
      limit: 5,
    });
    expect(candles).toHaveLength(1);
    const strict = createHttpSource({ baseUrl: up.url, now, futureToleranceMs: 0 });
    await expect(strict.getCandles("AAPL", { limit: 5 })).rejects.toMatchObject({
      code: "UPSTREAM_BAD_RESPONSE",
    });
  });
});
