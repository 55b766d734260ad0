import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createHttpSource, createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../src/testing/test-deps";
import { smallTrainConfig } from "../src/testing/train-config";
import { BIN, CLI_DIR, cleanEnv, mle, REPO_ROOT, run } from "./spawn";

const SMALL = (registryDir: string) =>
  smallTrainConfig({ registryDir: JSON.stringify(registryDir), activate: true });

let tmp: TempDir;
beforeAll(async () => {
  tmp = await createTempDir();
});
afterAll(() => tmp.cleanup());

describe("mle (built bin): help, version and usage errors", () => {
  it("--version prints the CLI version from package.json", async () => {
    const pkg = JSON.parse(readFileSync(path.join(CLI_DIR, "package.json"), "utf8")) as {
      version: string;
    };
    const r = await mle(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("--help lists every command and exits 0", async () => {
    const r = await mle(["--help"]);
    expect(r.code).toBe(0);
    for (const name of ["train", "models", "features", "upstream", "--verbose", "--version"]) {
      expect(r.stdout).toContain(name);
    }
  });

  it("exits 2 on an unknown option, with commander's message and a hint on stderr only", async () => {
    const r = await mle(["train", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
    expect(r.stderr).toMatch(/hint: /);
  });

  it("exits 2 with commander's message when --port is out of range", async () => {
    const r = await mle(["upstream", "serve", "--port", "99999"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/option '-p, --port <n>' argument '99999' is invalid/);
    expect(r.stderr).not.toContain("ERR_SOCKET_BAD_PORT");
  });

  it("prints a stack only with --verbose", async () => {
    const verbose = await mle(["train", "--config", "/nonexistent/x.yaml", "--verbose"]);
    expect(verbose.code).toBe(2);
    expect(verbose.stderr.split("\n")[0]).toMatch(/^error \[CONFIG_NOT_FOUND\]/);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });
});

describe("pnpm --filter @mle/cli train, as a user types it", () => {
  it("passes `-- --config <file>` through to the config (relative to the repo root, where pnpm was run)", async () => {
    const registryDir = path.join(tmp.dir, "pnpm-models");
    const config = await tmp.file("pnpm.yaml", SMALL(registryDir));
    // Relative to the repo root: it only resolves if INIT_CWD (not apps/cli) is used.
    const relative = path.relative(REPO_ROOT, config);
    const r = await run("pnpm", ["--filter", "@mle/cli", "train", "--", "--config", relative], {
      cwd: REPO_ROOT,
    });
    expect(r.stderr).not.toMatch(/error \[/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Trained ridge model v1 \(active\)/);
    expect(await createRegistry({ dir: registryDir }).getActive()).toBe("v1");
  }, 60_000);
});

describe("mle train (built bin)", () => {
  it("defaults to configs/train.yaml in the user's directory (the repo root under pnpm)", async () => {
    const registryDir = path.join(tmp.dir, "default-config-models");
    const r = await mle(["train", "--json", "--candles", "300", "--folds", "3"], {
      cwd: CLI_DIR,
      env: cleanEnv({ INIT_CWD: REPO_ROOT, MODEL_REGISTRY_DIR: registryDir }),
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.symbols).toEqual(["AAPL", "MSFT", "GOOG", "AMZN", "TSLA"]);
    expect(summary.path).toBe(path.join(registryDir, "v1"));
  });

  it("resolves --config and registry_dir against INIT_CWD, not the process directory", async () => {
    await tmp.file("rel.yaml", SMALL("rel-models"));
    const r = await mle(["train", "--config", "rel.yaml", "--json"], {
      cwd: CLI_DIR,
      env: cleanEnv({ INIT_CWD: tmp.dir }),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const summary = JSON.parse(r.stdout);
    expect(summary.path).toBe(path.join(tmp.dir, "rel-models", "v1"));
    const [entry] = await createRegistry({ dir: path.join(tmp.dir, "rel-models") }).list();
    expect(entry?.version).toBe(summary.version);
  });

  it("exits 1 with a one-line message when the http upstream is down, creating no version", async () => {
    await tmp.file("down.yaml", SMALL("down-models"));
    const r = await mle(["train", "--config", "down.yaml"], {
      cwd: tmp.dir,
      env: cleanEnv({
        MARKET_DATA_SOURCE: "http",
        MARKET_DATA_BASE_URL: "http://127.0.0.1:9",
        MARKET_DATA_MAX_RETRIES: "0",
      }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toMatch(/^error \[UPSTREAM_UNAVAILABLE\]: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await createRegistry({ dir: path.join(tmp.dir, "down-models") }).list()).toEqual([]);
  });
});

describe("mle predict with a bad market-data environment", () => {
  it("exits 2 with CONFIG_ERROR (no secret, no stack) when MARKET_DATA_BASE_URL credentials are badly encoded", async () => {
    const r = await mle(["predict", "--symbol", "AAPL", "--registry-dir", "none"], {
      cwd: tmp.dir,
      env: cleanEnv({
        MARKET_DATA_SOURCE: "http",
        MARKET_DATA_BASE_URL: "https://us%ZZer:s3cret@127.0.0.1:9/v1",
      }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(/^error \[CONFIG_ERROR\]: .*MARKET_DATA_BASE_URL/);
    expect(r.stderr).not.toContain("s3cret");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("concurrent mle train processes", () => {
  it("two trainers saving into one registry at once get v1 and v2, both complete", async () => {
    await tmp.file("race.yaml", SMALL("race-models"));
    const args = ["train", "--config", "race.yaml", "--json", "--no-activate"];
    const results = await Promise.all([mle(args, { cwd: tmp.dir }), mle(args, { cwd: tmp.dir })]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const versions = results.map((r) => JSON.parse(r.stdout).version).sort();
    expect(versions).toEqual(["v1", "v2"]);
    const registry = createRegistry({ dir: path.join(tmp.dir, "race-models") });
    expect((await registry.list()).map((m) => m.status)).toEqual(["ok", "ok"]);
    // Same config and data: the two models are byte-identical, only the version differs.
    const [a, b] = await Promise.all([registry.load("v1"), registry.load("v2")]);
    expect(JSON.stringify(a.model)).toBe(JSON.stringify(b.model));
    expect(a.metadata.dataset_hash).toBe(b.metadata.dataset_hash);
  });
});

describe("mle upstream serve (built bin)", () => {
  it("serves the sample candles over HTTP and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [BIN, "upstream", "serve", "--port", "0", "--json"], {
      cwd: tmp.dir,
      env: cleanEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const firstLine = await new Promise<string>((resolve, reject) => {
      let buf = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        buf += d;
        const i = buf.indexOf("\n");
        if (i >= 0) resolve(buf.slice(0, i));
      });
      child.on("exit", () => reject(new Error(`exited early: ${stderr}`)));
    });
    const { url, source } = JSON.parse(firstLine) as { url: string; source: string };
    expect(source).toBe("sample");
    const viaHttp = await createHttpSource({ baseUrl: url, maxRetries: 0 }).getCandles("AAPL", {
      limit: 5,
    });
    expect(viaHttp).toEqual(await createSampleSource().getCandles("AAPL", { limit: 5 }));

    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/stopped on SIGTERM after 1 requests/);
  });
});
