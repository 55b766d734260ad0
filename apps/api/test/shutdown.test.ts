import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSampleSource } from "@mle/market-client";
import { type ReferenceUpstream, startReferenceUpstream } from "@mle/market-client/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer } from "./server-process";

let upstream: ReferenceUpstream;
let registryDir: string;
beforeAll(async () => {
  upstream = await startReferenceUpstream({
    source: createSampleSource(),
    host: "127.0.0.1",
    port: 0,
  });
  registryDir = await mkdtemp(join(tmpdir(), "mle-api-shutdown-"));
});
afterAll(async () => {
  await upstream.close();
  await rm(registryDir, { recursive: true, force: true });
});

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

describe("the server process (node dist/server.js)", () => {
  it("finishes an in-flight request on SIGTERM, refuses new connections, and exits 0", async () => {
    upstream.setFaults({ latencyMs: 700 });
    upstream.resetStats();
    const server = spawnServer({
      MODEL_REGISTRY_DIR: registryDir,
      MARKET_DATA_SOURCE: "http",
      MARKET_DATA_BASE_URL: upstream.url,
      MARKET_DATA_TIMEOUT_MS: "5000",
    });
    try {
      const { port } = (await server.waitFor("listening")) as { port: number };
      expect(port).toBeGreaterThan(0);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/health`)).status).toBe(200);

      const inFlight = fetch(`${base}/features?symbol=AAPL&lookback=5&limit=3`);
      await until(() => upstream.stats.requests >= 1);
      server.child.kill("SIGTERM");
      await server.waitFor("shutting down");
      // A new connection is refused (an existing keep-alive one is still answered, with
      // Connection: close: tests/src/reliability/shutdown.test.ts).
      await expect(
        new Promise((resolve, reject) => {
          const socket = connect(port, "127.0.0.1", () => resolve(socket.destroy()));
          socket.once("error", reject);
        }),
      ).rejects.toMatchObject({ code: "ECONNREFUSED" });

      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(((await res.json()) as { features: unknown[] }).features).toHaveLength(3);
      expect(await server.exited).toBe(0);
      expect(server.logs.some((l) => l.msg === "shutdown complete")).toBe(true);
      const requestLine = server.logs.find((l) => l.msg === "request" && l.path === "/features");
      expect(requestLine).toMatchObject({ status: 200, method: "GET", route: "/features" });
    } finally {
      upstream.setFaults({});
      server.child.kill("SIGKILL");
    }
  });

  it("exits 0 on SIGINT when idle", async () => {
    const server = spawnServer({ MODEL_REGISTRY_DIR: registryDir });
    await server.waitFor("listening");
    server.child.kill("SIGINT");
    expect(await server.exited).toBe(0);
  });

  it("stops start-up with exit code 2 and one line naming a bad API or market data variable", async () => {
    const badPort = spawnServer({ PORT: "eighty", ADMIN_TOKEN: "x" });
    const badSource = spawnServer({ MARKET_DATA_SOURCE: "ftp" });
    const badCredentials = spawnServer({
      MARKET_DATA_SOURCE: "http",
      MARKET_DATA_BASE_URL: "https://us%ZZer:s3cret@127.0.0.1:9/v1",
    });
    expect(await badPort.exited).toBe(2);
    expect(await badSource.exited).toBe(2);
    expect(await badCredentials.exited).toBe(2);
    expect(badCredentials.stderr()).not.toContain("s3cret");
    for (const [server, variable] of [
      [badPort, "PORT"],
      [badSource, "MARKET_DATA_SOURCE"],
      [badCredentials, "MARKET_DATA_BASE_URL"],
    ] as const) {
      const lines = server.stderr().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(variable);
      expect(server.stderr()).not.toContain("    at ");
    }
  });
});
