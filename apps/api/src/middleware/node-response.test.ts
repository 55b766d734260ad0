import { afterEach, describe, expect, it } from "vitest";
import { listen } from "../../test/http-support";
import { envelope, sampleApp } from "../../test/support";
import { SECURE_HEADERS } from "./secure-headers";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serveApp(app: ReturnType<typeof sampleApp>): Promise<string> {
  const server = await listen(app.fetch);
  closers.push(server.close);
  return server.url;
}

describe("headers on a real @hono/node-server response", () => {
  it("carry the same secure headers as app.request() on 200, 404 and 405 answers", async () => {
    const app = sampleApp();
    const url = await serveApp(app);
    for (const [path, method, status] of [
      ["/health", "GET", 200],
      ["/nope", "GET", 404],
      ["/features?symbol=A&lookback=5", "DELETE", 405],
    ] as const) {
      const overHttp = await fetch(`${url}${path}`, { method });
      const inMemory = await app.request(path, { method });
      expect(overHttp.status).toBe(status);
      for (const [name, value] of SECURE_HEADERS) {
        expect(overHttp.headers.get(name)).toBe(value);
        expect(inMemory.headers.get(name)).toBe(value);
      }
      expect(overHttp.headers.get("x-powered-by")).toBeNull();
      expect(overHttp.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      if (status === 405) expect(overHttp.headers.get("allow")).toContain("GET");
      await overHttp.arrayBuffer();
    }
  });

  it("echo a sane incoming x-request-id once and replace an insane one", async () => {
    const url = await serveApp(sampleApp());
    const ok = await fetch(`${url}/health`, { headers: { "x-request-id": "abc-123_X.y:z" } });
    expect(ok.headers.get("x-request-id")).toBe("abc-123_X.y:z");
    const bad = await fetch(`${url}/health`, { headers: { "x-request-id": "a b<script>" } });
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answer a request past REQUEST_TIMEOUT_MS with 503 REQUEST_TIMEOUT and the headers", async () => {
    const source = {
      kind: "slow",
      getCandles: (_s: string, o: { signal?: AbortSignal }) =>
        new Promise<never>((_, reject) => {
          o.signal?.addEventListener("abort", () => reject(o.signal?.reason));
        }),
    };
    const url = await serveApp(sampleApp({ REQUEST_TIMEOUT_MS: "30" }, { source }));
    const res = await fetch(`${url}/features?symbol=A&lookback=5`);
    expect(res.status).toBe(503);
    expect((await envelope(res)).code).toBe("REQUEST_TIMEOUT");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("abort the upstream call's signal when the client goes away", async () => {
    let started!: () => void;
    const called = new Promise<void>((resolve) => {
      started = resolve;
    });
    let onAbort!: (reason: unknown) => void;
    const aborted = new Promise<unknown>((resolve) => {
      onAbort = resolve;
    });
    const source = {
      kind: "slow",
      getCandles: (_s: string, o: { signal?: AbortSignal }) =>
        new Promise<never>((_, reject) => {
          o.signal?.addEventListener("abort", () => {
            onAbort(o.signal?.reason);
            reject(o.signal?.reason);
          });
          started();
        }),
    };
    const url = await serveApp(sampleApp({ REQUEST_TIMEOUT_MS: "60000" }, { source }));
    const client = new AbortController();
    const request = fetch(`${url}/features?symbol=A&lookback=5`, { signal: client.signal });
    await called;
    client.abort();
    await expect(request).rejects.toThrow();
    // Aborted by the client leaving, long before the 60 s deadline.
    expect(await aborted).toBeDefined();
  });
});
