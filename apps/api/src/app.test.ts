import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { captureLogger, envelope, sampleApp } from "../test/support";

describe("createApp", () => {
  it("answers GET /health with status, version and uptime", async () => {
    let t = 1000;
    const app = sampleApp({}, { clock: () => t, version: "9.9.9" });
    t += 2500;
    const res = await app.request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", version: "9.9.9", uptime_s: 2.5 });
  });

  it("answers an unknown route with the 404 NOT_FOUND envelope and a request id", async () => {
    const res = await sampleApp().request("/nope/../etc");
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await envelope(res)).code).toBe("NOT_FOUND");
  });

  it("answers a wrong method with the 405 envelope and an Allow header", async () => {
    const res = await sampleApp().request("/features?symbol=A&lookback=5", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toContain("GET");
    expect((await envelope(res)).code).toBe("METHOD_NOT_ALLOWED");
  });

  it("reuses a sane incoming x-request-id and replaces an insane one", async () => {
    const app = sampleApp();
    const ok = await app.request("/health", { headers: { "x-request-id": "abc-123_X.y:z" } });
    expect(ok.headers.get("x-request-id")).toBe("abc-123_X.y:z");
    const bad = await app.request("/health", { headers: { "x-request-id": "a b<script>" } });
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const long = await app.request("/health", { headers: { "x-request-id": "a".repeat(200) } });
    expect(long.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sets the secure headers and no CORS headers by default", async () => {
    const res = await sampleApp().request("/health", {
      headers: { origin: "https://evil.example" },
    });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("enables CORS for the origins in CORS_ORIGINS only", async () => {
    const app = sampleApp({ CORS_ORIGINS: "https://a.example, https://b.example" });
    const allowed = await app.request("/health", { headers: { origin: "https://b.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://b.example");
    expect(allowed.headers.get("access-control-expose-headers")).toContain("x-request-id");
    const other = await app.request("/health", { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("rejects a body over BODY_LIMIT_BYTES with the 413 envelope", async () => {
    const res = await sampleApp({ BODY_LIMIT_BYTES: "1024" }).request(
      "/features?symbol=A&lookback=5",
      {
        method: "POST",
        body: "x".repeat(4096),
        headers: { "content-type": "application/json" },
      },
    );
    expect(res.status).toBe(413);
    expect((await envelope(res)).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers 503 REQUEST_TIMEOUT when a request runs past REQUEST_TIMEOUT_MS and aborts the source call", async () => {
    let aborted: unknown;
    const source = {
      kind: "slow",
      getCandles: (_s: string, o: { signal?: AbortSignal }) =>
        new Promise<never>((_, reject) => {
          o.signal?.addEventListener("abort", () => {
            aborted = o.signal?.reason;
            reject(o.signal?.reason);
          });
        }),
    };
    const res = await sampleApp({ REQUEST_TIMEOUT_MS: "20" }, { source }).request(
      "/features?symbol=A&lookback=5",
    );
    expect(res.status).toBe(503);
    expect((await envelope(res)).code).toBe("REQUEST_TIMEOUT");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(aborted).toBeInstanceOf(Error);
  });

  it("writes one JSON log line per request with method, path, route, status, duration and request id", async () => {
    const { logger, lines } = captureLogger();
    const app = sampleApp({}, { logger });
    await app.request("/api/v1/features?symbol=aapl&lookback=5&limit=2", {
      headers: { "x-request-id": "log-1", authorization: "Bearer supersecretvalue123" },
    });
    const requestLines = lines().filter((l) => l.msg === "request");
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      request_id: "log-1",
      method: "GET",
      path: "/api/v1/features",
      route: "/api/v1/features",
      status: 200,
    });
    expect(typeof requestLines[0]?.duration_ms).toBe("number");
    expect(JSON.stringify(lines())).not.toContain("supersecretvalue123");
  });

  it("is a plain Hono app that can be mounted in another app", async () => {
    const outer = new Hono();
    outer.route("/mle", sampleApp());
    expect((await outer.request("/mle/health")).status).toBe(200);
  });
});
