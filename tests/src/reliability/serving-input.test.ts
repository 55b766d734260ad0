/**
 * Serving and input defects of issue #11 against the built server process: a whitespace
 * ADMIN_TOKEN, rejections Node makes before the app (oversize headers, malformed requests, slow
 * headers), a connection cap, 405 on /predict/batch whatever the content type, and caller-caused
 * 4xx logged at info without a stack.
 */
import { spawn } from "node:child_process";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_SERVER, type ApiProcess, startApiProcess } from "./support/api-process";
import { trainRegistry } from "./support/fixture";
import { rawRequest } from "./support/raw-http";
import { tempDir } from "./support/temp";

const HEADERS_TIMEOUT_MS = 1000;
const MAX_CONNECTIONS = 8;

let base: { dir: string; cleanup: () => Promise<void> };
let registryDir: string;
let api: ApiProcess;

beforeAll(async () => {
  base = await tempDir();
  registryDir = await trainRegistry(base.dir, [1]);
  api = await startApiProcess({
    MODEL_REGISTRY_DIR: registryDir,
    HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    RECEIVE_TIMEOUT_MS: "5000",
    MAX_CONNECTIONS: String(MAX_CONNECTIONS),
  });
});

afterAll(async () => {
  await api?.stop();
  await base?.cleanup();
});

/** Sends raw bytes on a new connection and collects everything until the server closes it. */
function rawExchange(bytes: string, opts: { holdMs?: number } = {}) {
  const { port } = new URL(api.url);
  return new Promise<{ text: string; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const socket: Socket = connect(Number(port), "127.0.0.1", () => socket.write(bytes));
    let text = "";
    socket.setEncoding("utf8").on("data", (d: string) => (text += d));
    socket.on("close", () => resolve({ text, ms: performance.now() - started }));
    socket.on("error", () => undefined);
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after ${opts.holdMs ?? 10_000} ms: ${text}`));
    }, opts.holdMs ?? 10_000);
  });
}

function parse(raw: string) {
  const [head = "", body = ""] = raw.split("\r\n\r\n");
  const [statusLine = "", ...headerLines] = head.split("\r\n");
  const headers = Object.fromEntries(
    headerLines.map((l) => [
      l.slice(0, l.indexOf(":")).toLowerCase(),
      l.slice(l.indexOf(":") + 1).trim(),
    ]),
  );
  return {
    status: Number(statusLine.split(" ")[1]),
    headers,
    json: JSON.parse(body) as { error?: { code: string } },
  };
}

describe("start-up refuses an ADMIN_TOKEN that can never match", () => {
  it.each([
    ["an inner space", "adm1n-T0ken with-space-7f3c"],
    ["a trailing newline", "adm1n-T0ken-e2e-7f3c9a51d2\n"],
    ["a tab", "\tadm1n-T0ken-e2e-7f3c9a51d2"],
  ])("exits 2 naming ADMIN_TOKEN, never its value, for %s", async (_what, token) => {
    const child = spawn(process.execPath, [API_SERVER], {
      env: {
        PATH: process.env.PATH ?? "",
        PORT: "0",
        MODEL_REGISTRY_DIR: registryDir,
        ADMIN_TOKEN: token,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000); // it started: the bug
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    clearTimeout(kill);
    expect(code, out).toBe(2);
    expect(out).toContain("ADMIN_TOKEN");
    expect(out).toContain("whitespace");
    expect(out).not.toContain(token.trim());
  });
});

describe("rejections Node makes before the app answer with the JSON envelope", () => {
  it("headers over 16 KB: 431 with the envelope and an x-request-id", async () => {
    const r = parse(
      (await rawExchange(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`))
        .text,
    );
    expect(r.status).toBe(431);
    expect(r.json.error?.code).toBe("HEADERS_TOO_LARGE");
    expect(r.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers["content-type"]).toContain("application/json");
  });

  it.each([
    ["a malformed request line", "GARBAGE\r\n\r\n"],
    ["a bad header line", "GET /health HTTP/1.1\r\nHost x\r\n\r\n"],
    ["GET *", "GET * HTTP/1.1\r\nHost: x\r\n\r\n"],
  ])("%s: 400 BAD_REQUEST with the envelope and an x-request-id", async (_what, bytes) => {
    const r = parse((await rawExchange(bytes)).text);
    expect(r.status).toBe(400);
    expect(r.json.error?.code).toBe("BAD_REQUEST");
    expect(r.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a client that sends headers too slowly gets 408 at HEADERS_TIMEOUT_MS, with the envelope", async () => {
    const r = await rawExchange("GET /health HTTP/1.1\r\nHost: x\r\n");
    const answer = parse(r.text);
    expect(answer.status).toBe(408);
    expect(answer.json.error?.code).toBe("CLIENT_TIMEOUT");
    // Node checks the deadline once a second (connectionsCheckingInterval), so allow that on top.
    expect(r.ms).toBeLessThan(HEADERS_TIMEOUT_MS + 1000 + 3000);
  });
});

describe("the connection cap", () => {
  it(`MAX_CONNECTIONS=${MAX_CONNECTIONS}: the next connection is closed at once, and serving resumes after`, async () => {
    const { port } = new URL(api.url);
    const held: Socket[] = [];
    try {
      for (let i = 0; i < MAX_CONNECTIONS; i++) {
        held.push(
          await new Promise<Socket>((resolve) => {
            const s = connect(Number(port), "127.0.0.1", () => resolve(s));
          }),
        );
      }
      await new Promise((r) => setTimeout(r, 200));
      const over = await rawExchange("GET /health HTTP/1.1\r\nHost: x\r\n\r\n", { holdMs: 3000 });
      expect(over.text).toBe("");
    } finally {
      for (const s of held) s.destroy();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect((await rawRequest(api.url, "/health")).status).toBe(200);
  });
});

describe("405 on /predict/batch whatever the content type", () => {
  it.each([
    ["GET", undefined],
    ["PUT", "text/plain"],
    ["DELETE", "application/xml"],
    ["PATCH", "application/json"],
  ])("%s with content type %s: 405 with Allow: POST", async (method, type) => {
    const r = await rawRequest(api.url, "/predict/batch", {
      method,
      headers: type ? { "content-type": type } : {},
      ...(method === "GET" || method === "DELETE" ? {} : { body: "x" }),
    });
    expect(r.status, r.text).toBe(405);
    expect(r.headers.allow).toBe("POST");
  });
});

describe("caller-caused 4xx are logged at info, without a stack", () => {
  it("unknown versions (404): one short info line each, without a stack", async () => {
    const before = api.output().length;
    expect((await rawRequest(api.url, "/model/v999")).status).toBe(404);
    expect((await rawRequest(api.url, "/predict?symbol=AAPL&version=v999")).status).toBe(404);
    expect((await rawRequest(api.url, "/model/v12345")).status).toBe(404);
    await new Promise((r) => setTimeout(r, 200));
    const lines = api
      .output()
      .slice(before)
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const failures = lines.filter((l) => l.msg !== "request");
    expect(failures.length).toBeGreaterThan(0);
    for (const l of failures) {
      expect(l.level, JSON.stringify(l)).toBe(30);
      expect(JSON.stringify(l)).not.toContain("stack");
      expect(JSON.stringify(l).length).toBeLessThan(400);
    }
  });
});

describe("a model whose numbers are finite but whose output is not (coefficients 1e308)", () => {
  it("the server refuses it: /ready 503 INCOMPATIBLE_MODEL and /predict 503, never 200 with a null", async () => {
    const { mkdir } = await import("node:fs/promises");
    const path = await import("node:path");
    const { createRegistry } = await import("@mle/registry");
    const dir = path.join(base.dir, "overflow-registry");
    await mkdir(dir, { recursive: true });
    const source = createRegistry({ dir: registryDir });
    const loaded = await source.load("active");
    const model = loaded.model as { body: { coefficients: number[] } };
    const overflowing = {
      ...model,
      body: { ...model.body, coefficients: model.body.coefficients.map(() => 1e308) },
    };
    await createRegistry({ dir }).save(
      {
        model: overflowing,
        metadata: { note: "overflowing coefficients" },
        metrics: loaded.metrics,
        featureColumns: loaded.featureColumns,
        datasetSummary: loaded.datasetSummary,
      },
      { activate: true },
    );
    const server = await startApiProcess({ MODEL_REGISTRY_DIR: dir });
    try {
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, code: "INCOMPATIBLE_MODEL" });
      const res = await fetch(`${server.url}/predict?symbol=AAPL`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("INCOMPATIBLE_MODEL");
      expect(body.error.message).toMatch(/not finite/);
    } finally {
      await server.stop();
    }
  });
});
