/**
 * The built `mle`: `mle serve` runs the API until SIGTERM; a port in use is one line and exit 1;
 * `--json` errors are JSON on stdout; `.env` fills what the environment lacks, real variables win.
 */
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../src/testing/test-deps";
import { BIN, cleanEnv, mle } from "./spawn";

let tmp: TempDir;
beforeAll(async () => {
  tmp = await createTempDir();
});
afterAll(() => tmp.cleanup());

function serve(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, "serve", ...args], {
    cwd,
    env: cleanEnv({ MARKET_DATA_SOURCE: "sample" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => resolve(code)),
  );
  const listening = async (): Promise<{ port: number; registry: string }> => {
    for (let i = 0; i < 200; i++) {
      const line = stdout.split("\n").find((l) => l.includes('"msg":"listening"'));
      if (line) return JSON.parse(line) as { port: number; registry: string };
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`never listened: ${stderr}`);
  };
  return { child, exited, listening, stderr: () => stderr };
}

describe("mle serve", () => {
  it("starts the API on the given port and registry, answers /health and /models, exits 0 on SIGTERM", async () => {
    const registry = path.join(tmp.dir, "serve-models");
    const s = serve(["--port", "0", "--registry", registry], tmp.dir);
    const { port, registry: shown } = await s.listening();
    expect(shown).toBe(registry);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const models = (await (await fetch(`http://127.0.0.1:${port}/models`)).json()) as {
      models: unknown[];
    };
    expect(models.models).toEqual([]);
    // The web UI built in this checkout is served at /ui, as `pnpm start` does.
    const ui = await fetch(`http://127.0.0.1:${port}/ui/`);
    expect([ui.status, ui.headers.get("content-type")]).toEqual([
      200,
      expect.stringMatching(/^text\/html/),
    ]);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
  }, 30_000);

  it("a port already in use is one line naming the port, exit 1, no stack", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const s = serve(["--port", String(port)], tmp.dir);
      expect(await s.exited).toBe(1);
      expect(s.stderr().trim()).toBe(
        `mle serve: port ${port} on 127.0.0.1 is already in use; set PORT to another port (0 picks a free one)`,
      );
    } finally {
      blocker.close();
    }
  }, 30_000);

  it("a bad --port is a usage error (exit 2)", async () => {
    const r = await mle(["serve", "--port", "99999"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port must be an integer from 0 to 65535/);
  });
});

describe("--json errors", () => {
  it("print {error: {code, message}} on stdout with the same exit code, nothing on stderr", async () => {
    const r = await mle([
      "models",
      "show",
      "v9",
      "--json",
      "--registry",
      path.join(tmp.dir, "none"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({
      error: { code: "MODEL_NOT_FOUND", message: "model version v9 not found" },
    });
    const bad = await mle(["models", "show", "../x", "--json"]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe("INVALID_VERSION");
  });
});

describe(".env", () => {
  it("fills what the environment lacks; a real variable wins", async () => {
    const dir = path.join(tmp.dir, "with-dotenv");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, ".env"), "# comment\nMODEL_REGISTRY_DIR=from-dotenv\n");
    const listed = await mle(["models", "list", "--json"], { cwd: dir, env: cleanEnv() });
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).registry).toBe(path.join(dir, "from-dotenv"));
    const real = await mle(["models", "list", "--json"], {
      cwd: dir,
      env: cleanEnv({ MODEL_REGISTRY_DIR: path.join(dir, "from-env") }),
    });
    expect(JSON.parse(real.stdout).registry).toBe(path.join(dir, "from-env"));
  });

  it("configures `mle serve` (the API) the same way", async () => {
    const dir = path.join(tmp.dir, "serve-dotenv");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, ".env"), "PORT=0\nMODEL_REGISTRY_DIR=dotenv-models\n");
    const s = serve([], dir);
    const { registry } = await s.listening();
    expect(registry).toBe(path.join(dir, "dotenv-models"));
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
  }, 30_000);
});

describe("mle train outside a checkout", () => {
  it("uses the built-in defaults when no --config is given and configs/train.yaml is absent", async () => {
    const dir = path.join(tmp.dir, "outside");
    await mkdir(dir, { recursive: true });
    const r = await mle(["train", "--symbols", "AAPL", "--candles", "300", "--json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { version: string; registry: string };
    expect([summary.version, summary.registry]).toEqual(["v1", path.join(dir, "artifacts/models")]);
    // A config file named explicitly must still exist.
    const named = await mle(["train", "--config", "configs/train.yaml"], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/^error \[CONFIG_NOT_FOUND\]/);
  }, 60_000);
});
