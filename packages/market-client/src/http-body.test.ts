import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { UpstreamEvent } from "./events";
import { createHttpSource } from "./http-source";

/** A one-off loopback server for answers the reference upstream does not produce. */
async function withServer(handler: RequestListener, run: (baseUrl: string) => Promise<void>) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("createHttpSource body handling", () => {
  it("applies the per-attempt timeout to a body that stalls after the headers", async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"symbol":"AAPL","candles":['); // and never ends
      },
      async (baseUrl) => {
        const events: UpstreamEvent[] = [];
        const http = createHttpSource({
          baseUrl,
          timeoutMs: 1000,
          maxRetries: 0,
          onEvent: (e) => events.push(e),
        });
        await expect(http.getCandles("AAPL", { limit: 5 })).rejects.toMatchObject({
          code: "UPSTREAM_TIMEOUT",
          attempts: 1,
        });
        // The headers (status 200) arrived, so the timeout fired while the body was being read.
        expect(events.map((e) => e.type)).toEqual(["request", "response", "failure"]);
        expect(events[1]).toMatchObject({ type: "response", status: 200 });
      },
    );
  });

  it("rejects candles echoed for another symbol", async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ symbol: "MSFT", candles: [] }));
      },
      async (baseUrl) => {
        const err = createHttpSource({ baseUrl }).getCandles("AAPL", { limit: 5 });
        await expect(err).rejects.toMatchObject({ code: "UPSTREAM_BAD_RESPONSE" });
        await expect(err).rejects.toThrow('candles for "MSFT" instead of "AAPL"');
      },
    );
  });

  it("keeps only the most recent `limit` candles when the upstream sends more", async () => {
    const day = (i: number) => ({ t: 1704067200 + i * 86400, o: 1, h: 2, l: 1, c: 2, v: i });
    await withServer(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify([day(3), day(1), day(2), day(0)]));
      },
      async (baseUrl) => {
        const candles = await createHttpSource({ baseUrl }).getCandles("AAPL", { limit: 2 });
        expect(candles.map((c) => c.volume)).toEqual([2, 3]);
      },
    );
  });
});
