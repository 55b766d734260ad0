/**
 * Security settings of the built server process, configured only through its environment:
 * the admin endpoint off without ADMIN_TOKEN and bearer-protected with it, CORS off by default
 * and configurable, security headers on every answer, the body size limit and the request
 * deadline.
 */
import path from "node:path";
import { createSampleSource } from "@mle/market-client";
import { type ReferenceUpstream, startReferenceUpstream } from "@mle/market-client/testing";
import { createRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./support/api-process";
import { copyRegistry, trainRegistry } from "./support/fixture";
import { pollUntil } from "./support/poll";
import { errorOf, type RawResponse, rawRequest } from "./support/raw-http";
import { tempDir } from "./support/temp";
import { stalledBody } from "./support/upload";

const ADMIN_TOKEN = "s3cret-admin-token-for-e2e-0042";
const REQUEST_TIMEOUT_MS = 1000;

let base: { dir: string; cleanup: () => Promise<void> };
let plainDir: string;
let adminDir: string;
let plain: ApiProcess;
let admin: ApiProcess;
let upstream: ReferenceUpstream;

beforeAll(async () => {
  base = await tempDir();
  const golden = await trainRegistry(base.dir);
  plainDir = await copyRegistry(golden, base.dir, "plain");
  adminDir = await copyRegistry(golden, base.dir, "admin");
  upstream = await startReferenceUpstream({ source: createSampleSource() });
  [plain, admin] = await Promise.all([
    startApiProcess({ MODEL_REGISTRY_DIR: plainDir }),
    startApiProcess({
      MODEL_REGISTRY_DIR: adminDir,
      ADMIN_TOKEN,
      CORS_ORIGINS: "https://app.example",
      BODY_LIMIT_BYTES: "1024",
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      INFERENCE_CACHE_TTL_MS: "0",
      MARKET_DATA_SOURCE: "http",
      MARKET_DATA_BASE_URL: upstream.url,
      MARKET_DATA_TIMEOUT_MS: "20000",
      MARKET_DATA_MAX_RETRIES: "0",
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([plain?.stop(), admin?.stop()]);
  await upstream?.close();
  await base?.cleanup();
});

const activate = (api: ApiProcess, version: string, authorization?: string) =>
  rawRequest(api.url, `/models/${version}/activate`, {
    method: "POST",
    headers: authorization === undefined ? {} : { authorization },
  });

describe("POST /models/{version}/activate", () => {
  it("does not exist without ADMIN_TOKEN (404 NOT_FOUND, with or without a token) and the pointer does not move", async () => {
    for (const auth of [undefined, `Bearer ${ADMIN_TOKEN}`, "Bearer anything-at-all-123456"]) {
      const r = await activate(plain, "v1", auth);
      expect(r.status).toBe(404);
      expect(errorOf(r)?.code).toBe("NOT_FOUND");
    }
    expect(await createRegistry({ dir: plainDir }).getActive()).toBe("v2");
  });

  it("with ADMIN_TOKEN: no, wrong, truncated, extended, non-bearer or empty credentials are 401 UNAUTHORIZED with WWW-Authenticate", async () => {
    const wrong = [
      undefined,
      "",
      "Bearer",
      "Bearer ",
      "Bearer wrong-token-of-some-length",
      `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
      `Bearer ${ADMIN_TOKEN}x`,
      `Bearer ${ADMIN_TOKEN.toUpperCase()}`,
      `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString("base64")}`,
      ADMIN_TOKEN,
      `Bearer ${ADMIN_TOKEN} ${ADMIN_TOKEN}`,
    ];
    for (const auth of wrong) {
      const r = await activate(admin, "v1", auth);
      expect(r.status, String(auth)).toBe(401);
      expect(errorOf(r)?.code).toBe("UNAUTHORIZED");
      expect(String(r.headers["www-authenticate"])).toMatch(/^Bearer/);
      expect(r.text).not.toContain(ADMIN_TOKEN);
    }
    expect(await createRegistry({ dir: adminDir }).getActive()).toBe("v2");
  });

  it("with the right bearer token: 200, the pointer moves and /predict serves the activated version without a restart", async () => {
    const r = await activate(admin, "v1", `Bearer ${ADMIN_TOKEN}`);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({ model: "default", active_version: "v1", previous_version: "v2" });
    expect(await createRegistry({ dir: adminDir }).getActive()).toBe("v1");
    const p = await pollUntil(
      () => rawRequest(admin.url, "/predict?symbol=AAPL"),
      (x) => (x.json as { model_version?: string }).model_version === "v1",
    );
    expect((p.json as { model_version: string }).model_version).toBe("v1");
    const back = await activate(admin, "v2", `Bearer ${ADMIN_TOKEN}`);
    expect(back.status).toBe(200);
  });
});

describe("CORS", () => {
  it("is off by default: no Access-Control-* headers for any origin, also on a preflight", async () => {
    const simple = await rawRequest(plain.url, "/health", {
      headers: { origin: "https://app.example" },
    });
    const preflight = await rawRequest(plain.url, "/predict?symbol=AAPL", {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "GET" },
    });
    for (const r of [simple, preflight]) {
      expect(Object.keys(r.headers).filter((h) => h.startsWith("access-control-"))).toEqual([]);
    }
  });

  it("with CORS_ORIGINS: echoes only a listed origin, answers its preflight, ignores others", async () => {
    const ok = await rawRequest(admin.url, "/health", {
      headers: { origin: "https://app.example" },
    });
    expect(ok.headers["access-control-allow-origin"]).toBe("https://app.example");
    expect(ok.headers["access-control-expose-headers"]).toContain("x-request-id");
    const evil = await rawRequest(admin.url, "/health", {
      headers: { origin: "https://evil.example" },
    });
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await rawRequest(admin.url, "/predict/batch", {
      method: "OPTIONS",
      headers: {
        origin: "https://app.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("https://app.example");
    expect(String(preflight.headers["access-control-allow-methods"])).toContain("POST");
  });
});

describe("security headers", () => {
  it("are on every kind of answer: 200, 404, 405, 422 and 413", async () => {
    const answers: RawResponse[] = [
      await rawRequest(plain.url, "/health"),
      await rawRequest(plain.url, "/nope"),
      await rawRequest(plain.url, "/health", { method: "DELETE" }),
      await rawRequest(plain.url, "/predict?symbol=../x"),
      await rawRequest(admin.url, "/predict/batch", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ symbols: Array.from({ length: 100 }, (_, i) => `SYMBOL${i}`) }),
      }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 404, 405, 422, 413]);
    for (const r of answers) {
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(r.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(r.headers["referrer-policy"]).toBe("no-referrer");
      expect(r.headers["x-powered-by"]).toBeUndefined();
      expect(r.headers["x-request-id"]).toBeTruthy();
    }
  });
});

describe("limits", () => {
  it("BODY_LIMIT_BYTES=1024: a 2 KiB body is 413 PAYLOAD_TOO_LARGE, a small one is answered", async () => {
    const big = JSON.stringify({ symbols: ["AAPL"], pad: "x".repeat(2048) });
    const r = await rawRequest(admin.url, "/predict/batch", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(r.status).toBe(413);
    expect(errorOf(r)?.code).toBe("PAYLOAD_TOO_LARGE");
    const small = await rawRequest(admin.url, "/predict/batch", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ symbols: ["AAPL"] }),
    });
    expect(small.status, small.text).toBe(200);
  });

  it(`REQUEST_TIMEOUT_MS=${REQUEST_TIMEOUT_MS}: a client that stops sending its body gets 503 REQUEST_TIMEOUT at the deadline, not a connection held open`, async () => {
    const r = await stalledBody(admin.url, "/predict/batch");
    expect(r.statusLine).toMatch(/^HTTP\/1\.1 503 /);
    expect(JSON.parse(r.body).error.code).toBe("REQUEST_TIMEOUT");
    expect(r.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(r.ms).toBeLessThan(4000);
  });

  it(`REQUEST_TIMEOUT_MS=${REQUEST_TIMEOUT_MS}: a request stuck on a 6 s upstream answers 503 REQUEST_TIMEOUT long before, and the server answers normally afterwards`, async () => {
    upstream.setFaults({ latencyMs: 6000 });
    try {
      const r = await rawRequest(admin.url, "/predict?symbol=MSFT");
      expect(r.status, r.text).toBe(503);
      expect(errorOf(r)?.code).toBe("REQUEST_TIMEOUT");
      expect(r.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
      expect(r.ms).toBeLessThan(4000);
    } finally {
      upstream.setFaults({});
    }
    // Other symbols answer at once. MSFT's upstream call is shared by later MSFT requests
    // (single-flight) and is still waiting on the slow answer it was sent for, so MSFT answers
    // again once that call ends (bounded: 6 s latency).
    const other = await rawRequest(admin.url, "/predict?symbol=AAPL");
    expect(other.status, other.text).toBe(200);
    const after = await pollUntil(
      () => rawRequest(admin.url, "/predict?symbol=MSFT"),
      (x) => x.status === 200,
      { tries: 40, intervalMs: 250 },
    );
    expect(after.status, after.text).toBe(200);
    expect(admin.alive()).toBe(true);
    expect(path.isAbsolute(adminDir)).toBe(true);
    expect(after.text).not.toContain(adminDir);
  });
});
