/**
 * Shutdown of the built server process always ends: with its stdout reader gone, with a request
 * still in flight past SHUTDOWN_TIMEOUT_MS, on a second signal; keep-alive clients are told to
 * leave (`Connection: close`, `/ready` 503) while it drains. The CLI exits quietly when its
 * output pipe closes.
 */
import { spawn } from "node:child_process";
import { Agent, createServer as createHttpServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./support/api-process";
import { childEnv, MLE_BIN } from "./support/cli";
import { trainRegistry } from "./support/fixture";
import { tempDir } from "./support/temp";

const DAY = 86_400_000;
const SHUTDOWN_TIMEOUT_MS = 1500;
/** Slack for a loaded 2-core box on top of each bound. */
const SLACK_MS = 2500;

let base: { dir: string; cleanup: () => Promise<void> };
let registryDir: string;
let upstreamUrl: string;
let upstream: ReturnType<typeof createHttpServer>;
const running: ApiProcess[] = [];

/** Candles for any symbol; `SLOW…` symbols answer after 1.2 s, `HANG…` symbols never. */
function candles(symbol: string): string {
  const end = Math.floor(Date.now() / DAY) * DAY - DAY;
  const items = Array.from({ length: 300 }, (_, i) => {
    const c = 100 + Math.sin(i / 5);
    return {
      timestamp: new Date(end - (299 - i) * DAY).toISOString(),
      open: c,
      high: c + 1,
      low: c - 1,
      close: c,
      volume: 1000,
    };
  });
  return JSON.stringify({ symbol, candles: items });
}

beforeAll(async () => {
  base = await tempDir();
  registryDir = await trainRegistry(base.dir, [1]);
  upstream = createHttpServer((req, res) => {
    const symbol = new URL(req.url ?? "/", "http://x").searchParams.get("symbol") ?? "";
    if (symbol.startsWith("HANG")) return;
    const delay = symbol.startsWith("SLOW") ? 1200 : 0;
    setTimeout(() => res.end(candles(symbol)), delay);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const api of running) if (api.alive()) api.child.kill("SIGKILL");
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
  await base?.cleanup();
});

async function start(extra: Record<string, string> = {}): Promise<ApiProcess> {
  const api = await startApiProcess({
    MODEL_REGISTRY_DIR: registryDir,
    MARKET_DATA_SOURCE: "http",
    MARKET_DATA_BASE_URL: upstreamUrl,
    MARKET_DATA_TIMEOUT_MS: "30000",
    MARKET_DATA_MAX_RETRIES: "0",
    INFERENCE_CACHE_TTL_MS: "0",
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    ...extra,
  });
  running.push(api);
  return api;
}

function exited(
  api: ApiProcess,
): Promise<{ code: number | null; signal: string | null; at: number }> {
  return new Promise((resolve) => {
    if (!api.alive())
      resolve({ code: api.child.exitCode, signal: api.child.signalCode, at: performance.now() });
    api.child.once("exit", (code, signal) => resolve({ code, signal, at: performance.now() }));
  });
}

/** Resolves with the exit, or with "still running" after `ms`. */
async function exitWithin(api: ApiProcess, ms: number) {
  const timer = new Promise<"still running">((r) => setTimeout(() => r("still running"), ms));
  return Promise.race([exited(api), timer]);
}

/** A GET on `agent`'s connection, resolving with status, headers and body. */
function get(url: string, path: string, agent: Agent) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>(
    (resolve, reject) => {
      const req = request(`${url}${path}`, { agent, timeout: 15_000 }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (d: string) => (body += d));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }),
        );
      });
      req.on("timeout", () => req.destroy(new Error(`GET ${path} hung`)));
      req.on("error", reject);
      req.end();
    },
  );
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** True when nothing listens on `port` any more. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe: Server = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

describe("server shutdown always ends", () => {
  it("with its stdout reader gone, SIGTERM exits 0 within SHUTDOWN_TIMEOUT_MS and frees the port", async () => {
    const api = await start();
    const port = Number(new URL(api.url).port);
    api.child.stdout?.destroy(); // `node server.js | head -1`: the reader is gone
    const signalled = performance.now();
    api.child.kill("SIGTERM");
    const r = await exitWithin(api, SHUTDOWN_TIMEOUT_MS + SLACK_MS);
    expect(r).toMatchObject({ code: 0 });
    if (r !== "still running")
      expect(r.at - signalled).toBeLessThan(SHUTDOWN_TIMEOUT_MS + SLACK_MS);
    expect(await portFree(port)).toBe(true);
  });

  it("with stdout closed and a request stuck past the bound, it exits 1 at SHUTDOWN_TIMEOUT_MS", async () => {
    const api = await start();
    const stuck = get(api.url, "/predict?symbol=HANG1", new Agent()).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 300));
    api.child.stdout?.destroy();
    const signalled = performance.now();
    api.child.kill("SIGTERM");
    const r = await exitWithin(api, SHUTDOWN_TIMEOUT_MS + SLACK_MS);
    expect(r).toMatchObject({ code: 1 });
    if (r !== "still running") {
      expect(r.at - signalled).toBeGreaterThanOrEqual(SHUTDOWN_TIMEOUT_MS - 100);
    }
    await stuck;
  });

  it("a second signal exits 1 at once, stdout closed, while a request holds the drain", async () => {
    const api = await start({ SHUTDOWN_TIMEOUT_MS: "60000" });
    const stuck = get(api.url, "/predict?symbol=HANG2", new Agent()).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 300));
    api.child.stdout?.destroy();
    api.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    expect(api.alive()).toBe(true); // still draining: the request holds it
    const second = performance.now();
    api.child.kill("SIGINT");
    const r = await exitWithin(api, SLACK_MS);
    expect(r).toMatchObject({ code: 1 });
    if (r !== "still running") expect(r.at - second).toBeLessThan(SLACK_MS);
    await stuck;
  });

  it("while draining, keep-alive connections get Connection: close and /ready answers 503", async () => {
    const api = await start({ SHUTDOWN_TIMEOUT_MS: "10000" });
    const busy = new Agent({ keepAlive: true, maxSockets: 1 });
    const idle = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(api.url, "/health", idle)).connection).toBe("keep-alive");
    const slow = get(api.url, "/predict?symbol=SLOW1", busy);
    await new Promise((r) => setTimeout(r, 300));
    api.child.kill("SIGTERM");
    await until(() => api.output().includes('"shutting down"'), "the shutting down line");
    // The idle connection is still open while a request is in flight, and is told to leave.
    const ready = await get(api.url, "/ready", idle);
    expect(ready.status, ready.body).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ ready: false, code: "SHUTTING_DOWN" });
    expect(ready.connection).toBe("close");
    const answered = await slow;
    expect(answered.status, answered.body).toBe(200);
    expect(answered.connection).toBe("close");
    const r = await exitWithin(api, 5000);
    expect(r).toMatchObject({ code: 0 });
    busy.destroy();
    idle.destroy();
  });
});

describe("the CLI and a closed output pipe", () => {
  it("`mle models list | head -0`: exits 0 without printing a stack", async () => {
    const child = spawn(
      process.execPath,
      [MLE_BIN, "models", "list", "--registry-dir", registryDir],
      {
        env: childEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child.stdout.destroy(); // the reader is gone before the first line
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
