import path from "node:path";
import { pathToFileURL } from "node:url";
import { createSampleSource } from "@mle/market-client";
import { openRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";
import type { TrainSummary } from "../train/summary";

/** A tiny config: a training run takes tens of milliseconds. */
const TINY = ["symbols: [AAPL]", "lookback: 5", "candles: 80", "cv:", "  folds: 2", "  gap: 0"];

describe("mle train: where the registry is and which model", () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await createTempDir();
    await tmp.file("both.yaml", [...TINY, "registry: cfg-reg", "registry_dir: cfg-dir"].join("\n"));
    await tmp.file("dir-only.yaml", [...TINY, "registry_dir: cfg-dir"].join("\n"));
    await tmp.file("plain.yaml", TINY.join("\n"));
  });
  afterAll(() => tmp.cleanup());

  async function train(
    env: Record<string, string>,
    ...args: string[]
  ): Promise<TrainSummary & { code: number; stderr: string }> {
    const cli = createTestCli({ cwd: tmp.dir, env, source: createSampleSource() });
    const run = await cli.run("train", ...args, "--json");
    expect(run.code, run.stderr).toBe(0);
    return { ...(JSON.parse(run.stdout) as TrainSummary), code: run.code, stderr: run.stderr };
  }

  it("takes --registry, then MODEL_REGISTRY_URI, MODEL_REGISTRY_DIR, config registry, config registry_dir, the default", async () => {
    const env = { MODEL_REGISTRY_URI: "uri-reg", MODEL_REGISTRY_DIR: "dir-reg" };
    const at = (p: string) => path.join(tmp.dir, p);
    const steps: Array<[Record<string, string>, string[], string]> = [
      [env, ["-c", "both.yaml", "--registry", "flag-reg"], at("flag-reg")],
      [env, ["-c", "both.yaml", "--registry-dir", "flag-dir"], at("flag-dir")],
      [env, ["-c", "both.yaml"], at("uri-reg")],
      [{ MODEL_REGISTRY_DIR: "dir-reg" }, ["-c", "both.yaml"], at("dir-reg")],
      [{}, ["-c", "both.yaml"], at("cfg-reg")],
      [{}, ["-c", "dir-only.yaml"], at("cfg-dir")],
      [{}, ["-c", "plain.yaml"], at("artifacts/models")],
    ];
    for (const [stepEnv, args, location] of steps) {
      const summary = await train(stepEnv, ...args);
      expect(summary.registry, args.join(" ")).toBe(location);
      expect(summary.path).toBe(path.join(location, summary.version));
      expect((await openRegistry(location).model().list()).length).toBeGreaterThan(0);
    }
  });

  it("opens a file:// location like the path it names", async () => {
    const folder = path.join(tmp.dir, "url-reg");
    const summary = await train({}, "-c", "plain.yaml", "--registry", pathToFileURL(folder).href);
    expect(summary.version).toBe("v1");
    expect(await openRegistry(folder).model().getActive()).toBe("v1");
  });

  it("trains into a named model with --model-name while --model still picks the kind", async () => {
    const summary = await train(
      {},
      "-c",
      "plain.yaml",
      "--registry",
      "named",
      "--model-name",
      "btc-1m",
      "--model",
      "gbdt",
      "--n-trees",
      "5",
    );
    expect(summary).toMatchObject({ model: "btc-1m", model_type: "gbdt", version: "v1" });
    const registry = openRegistry(path.join(tmp.dir, "named"));
    expect(await registry.models()).toEqual(["btc-1m"]);
    const loaded = await registry.model("btc-1m").load("active");
    expect(loaded.metadata).toMatchObject({ model_name: "btc-1m", registry_backend: "fs" });
    expect(loaded.metadata.config).toMatchObject({ model_name: "btc-1m" });
    expect(JSON.stringify(loaded.metadata)).not.toContain(tmp.dir);
    expect(JSON.stringify(loaded.metadata)).not.toContain("named");

    const listed = await createTestCli({ cwd: tmp.dir }).run(
      "models",
      "list",
      "--model",
      "btc-1m",
      "--registry",
      "named",
      "--json",
    );
    expect(JSON.parse(listed.stdout)).toMatchObject({ model: "btc-1m", active_version: "v1" });
  });

  it("takes model_name from the config; the flag overrides it", async () => {
    await tmp.file("named.yaml", [...TINY, "model_name: eth", "registry: from-config"].join("\n"));
    expect(await train({}, "-c", "named.yaml")).toMatchObject({ model: "eth", version: "v1" });
    expect(await train({}, "-c", "named.yaml", "--model-name", "sol")).toMatchObject({
      model: "sol",
      version: "v1",
    });
    expect((await openRegistry(path.join(tmp.dir, "from-config")).models()).sort()).toEqual([
      "eth",
      "sol",
    ]);
  });

  it("rejects a bad model name with exit 2 before fetching anything", async () => {
    for (const args of [
      ["--model-name", "../etc"],
      ["--model-name", "BTC"],
    ]) {
      const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
      const run = await cli.run("train", "-c", "plain.yaml", "--registry", "bad", ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^error \[CONFIG_INVALID\]: plain\.yaml is invalid: model_name: expected a model name: 1-64 of a-z/,
      );
      expect(cli.fetches()).toBe(0);
    }
    await tmp.file("bad-name.yaml", [...TINY, "model_name: a/b"].join("\n"));
    const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
    const run = await cli.run("train", "-c", "bad-name.yaml");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/model_name: expected a model name/);
    expect(cli.fetches()).toBe(0);
  });

  it("rejects an unknown location scheme and an empty --registry with exit 2 before fetching", async () => {
    for (const location of ["ftp://host/models", ""]) {
      const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
      const run = await cli.run("train", "-c", "plain.yaml", "--registry", location);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(
        /^error \[(INVALID_ARGUMENT|USAGE_ERROR)\]: .*(not supported|empty)/,
      );
      expect(cli.fetches()).toBe(0);
    }
  });
});
