import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createHttpSource } from "./http-source";
import { prepareUpstreamUrl } from "./upstream-url";

describe("prepareUpstreamUrl", () => {
  it("appends /candles to the base path and keeps the base query", () => {
    const url = prepareUpstreamUrl("https://md.example.com/api/v1/?key=abc");
    expect(url.candlesUrl.href).toBe("https://md.example.com/api/v1/candles?key=abc");
    expect(url.display).toBe("https://md.example.com/api/v1/candles");
    expect(url.authorization).toBeUndefined();
  });

  it("moves credentials to a Basic authorization header and out of every URL", () => {
    const url = prepareUpstreamUrl("http://al%40ice:p%3Ass@127.0.0.1:9000");
    expect(url.authorization).toBe(`Basic ${Buffer.from("al@ice:p:ss").toString("base64")}`);
    expect(url.candlesUrl.href).toBe("http://127.0.0.1:9000/candles");
    expect(url.display).not.toContain("ice");
  });

  it("rejects a relative or non-http URL with CONFIG_ERROR naming MARKET_DATA_BASE_URL", () => {
    expect(() => prepareUpstreamUrl("/candles")).toThrow(
      expect.objectContaining({ variable: "MARKET_DATA_BASE_URL" }),
    );
    expect(() => prepareUpstreamUrl("file:///etc/passwd")).toThrow(/http or https/);
  });

  it("rejects credentials with invalid percent-encoding with CONFIG_ERROR, not a URIError", () => {
    expect(() => prepareUpstreamUrl("https://us%ZZer:pw@md.example.com")).toThrow(
      expect.objectContaining({ code: "CONFIG_ERROR", variable: "MARKET_DATA_BASE_URL" }),
    );
  });
});

describe("createHttpSource request shape", () => {
  it("sends symbol, limit, the base query and the credentials to the upstream", async () => {
    const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url ?? "", headers: req.headers });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify([{ t: 1704153600, o: 1, h: 2, l: 1, c: 2, v: 3 }]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const http = createHttpSource({ baseUrl: `http://bob:pw@127.0.0.1:${port}/v2?key=k1` });
      const candles = await http.getCandles("brk.b", { limit: 7 });
      expect(candles).toHaveLength(1);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.url).toBe("/v2/candles?key=k1&symbol=BRK.B&limit=7");
      expect(seen[0]!.headers.authorization).toBe(
        `Basic ${Buffer.from("bob:pw").toString("base64")}`,
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
