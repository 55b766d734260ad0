import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candleCsv } from "../testing/csv";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";
import { smallTrainConfig } from "../testing/train-config";
import type { TrainSummary } from "../train/summary";

const BASE = smallTrainConfig();

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("mle train: bad configs stop before any data is fetched", () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await createTempDir();
  });
  afterAll(() => tmp.cleanup());

  const cases: Array<[string, string, RegExp]> = [
    [
      "an unknown key",
      `${BASE}\nsplit:\n  validation_fraction: 0.2\n  shufle: true\n`,
      /split\.shufle: unknown key/,
    ],
    ["a wrong type", `${BASE}\nseed: "abc"\n`, /seed: expected an integer/],
    [
      "validation_fraction 1.5",
      `${BASE}\nsplit:\n  validation_fraction: 1.5\n`,
      /split\.validation_fraction: expected a number > 0 and < 1/,
    ],
    ["folds 1", BASE.replace("folds: 3", "folds: 1"), /cv\.folds: expected an integer >= 2/],
    [
      "an unknown feature",
      `${BASE}\nfeatures: [close, momentum]\n`,
      /features\[1\]: unknown feature "momentum"/,
    ],
  ];

  for (const [name, yaml, message] of cases) {
    it(`exits 2 on ${name}, naming the key path, with no fetch and no registry write`, async () => {
      const file = await tmp.file(`bad-${name.replace(/\W+/g, "-")}.yaml`, yaml);
      const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
      const run = await cli.run("train", "--config", file);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe("");
      expect(cli.fetches()).toBe(0);
      expect(await createRegistry({ dir: path.join(tmp.dir, "models") }).list()).toEqual([]);
    });
  }

  it("exits 2 on an invalid flag value, naming the config key it overrides", async () => {
    const file = await tmp.file("ok.yaml", BASE);
    const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
    const run = await cli.run("train", "--config", file, "--validation-fraction", "1.5");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/split\.validation_fraction/);
    expect(cli.fetches()).toBe(0);
  });

  it("exits 2 when the config file does not exist, naming it", async () => {
    const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
    const run = await cli.run("train", "--config", "nope/train.yaml");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/CONFIG_NOT_FOUND.*nope\/train\.yaml/);
    expect(cli.fetches()).toBe(0);
  });

  it("exits 2 on an invalid MARKET_DATA_* environment before fetching", async () => {
    const file = await tmp.file("ok2.yaml", BASE);
    const cli = createTestCli({ cwd: tmp.dir, env: { MARKET_DATA_SOURCE: "ftp" } });
    const run = await cli.run("train", "--config", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/MARKET_DATA_SOURCE/);
  });
});

describe("mle train: runtime failures exit 1 and create no version", () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await createTempDir();
  });
  afterAll(() => tmp.cleanup());

  async function expectNoVersion(registryDir: string) {
    expect(await createRegistry({ dir: registryDir }).list()).toEqual([]);
  }

  it("fails with UPSTREAM_UNAVAILABLE when the http upstream is down", async () => {
    const file = await tmp.file("http.yaml", `${BASE.replace("models", "models-http")}\n`);
    const port = await closedPort();
    const cli = createTestCli({
      cwd: tmp.dir,
      env: {
        MARKET_DATA_SOURCE: "http",
        MARKET_DATA_BASE_URL: `http://127.0.0.1:${port}`,
        MARKET_DATA_MAX_RETRIES: "0",
        MARKET_DATA_TIMEOUT_MS: "2000",
      },
    });
    const run = await cli.run("train", "--config", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error \[UPSTREAM_UNAVAILABLE\]/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expectNoVersion(path.join(tmp.dir, "models-http"));
  });

  async function csvRun(name: string, files: Record<string, string>) {
    const data = path.join(tmp.dir, `data-${name}`);
    await mkdir(data, { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(data, file), text);
    const config = await tmp.file(`${name}.yaml`, `${BASE.replace("models", `models-${name}`)}\n`);
    const cli = createTestCli({
      cwd: tmp.dir,
      env: { MARKET_DATA_SOURCE: "csv", MARKET_DATA_CSV_DIR: `data-${name}` },
    });
    const run = await cli.run("train", "--config", config);
    await expectNoVersion(path.join(tmp.dir, `models-${name}`));
    return run;
  }

  it("fails with INSUFFICIENT_DATA naming the symbol with too little history", async () => {
    const run = await csvRun("short", { "AAPL.csv": candleCsv(200), "MSFT.csv": candleCsv(50) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error \[INSUFFICIENT_DATA\]: .*MSFT/);
  });

  it("fails on an empty CSV file", async () => {
    const run = await csvRun("empty", { "AAPL.csv": "", "MSFT.csv": candleCsv(200) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error \[(UPSTREAM_BAD_RESPONSE|INSUFFICIENT_DATA)\]: .*AAPL/);
  });

  it("fails on a CSV with a bad row, naming the file and line", async () => {
    const lines = candleCsv(200).split("\n");
    lines[42] = "2024-02-11,1,2,1,not-a-number,10";
    const run = await csvRun("badrow", {
      "AAPL.csv": candleCsv(200),
      "MSFT.csv": lines.join("\n"),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error \[UPSTREAM_BAD_RESPONSE\]: .*MSFT\.csv/);
  });

  it("fails with INSUFFICIENT_ROWS when the history cannot fill the CV folds", async () => {
    const file = await tmp.file("tiny.yaml", `${BASE.replace("models", "models-tiny")}\n`);
    const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
    const run = await cli.run("train", "--config", file, "--candles", "16", "--folds", "8");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error \[INSUFFICIENT_ROWS\]/);
    await expectNoVersion(path.join(tmp.dir, "models-tiny"));
  });

  it("trains from CSV files given as a relative MARKET_DATA_CSV_DIR (resolved against the user directory)", async () => {
    const data = path.join(tmp.dir, "data-good");
    await mkdir(data, { recursive: true });
    await writeFile(path.join(data, "AAPL.csv"), candleCsv(200));
    await writeFile(path.join(data, "MSFT.csv"), candleCsv(200));
    const config = await tmp.file("good.yaml", `${BASE.replace("models", "models-good")}\n`);
    const cli = createTestCli({
      cwd: tmp.dir,
      env: { MARKET_DATA_SOURCE: "csv", MARKET_DATA_CSV_DIR: "data-good" },
    });
    const run = await cli.run("train", "--config", config, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: "v1", data_source: "csv" });
  });
});

describe("mle train on the sample source", () => {
  let tmp: TempDir;
  let first: TrainSummary;
  let cli: ReturnType<typeof createTestCli>;
  const registryDir = () => path.join(tmp.dir, "artifacts/models");
  /** A quicker run of the same config: 300 candles, 3 folds. */
  const quick = ["train", "--config", "train.yaml", "--candles", "300", "--folds", "3"];

  beforeAll(async () => {
    tmp = await createTempDir();
    await tmp.file(
      "train.yaml",
      [
        "symbols: [AAPL, MSFT, GOOG, AMZN, TSLA]",
        "lookback: 20",
        "candles: 1000",
        "cv:",
        "  folds: 5",
        "  gap: 20",
        "model:",
        "  type: ridge",
        "  alpha: 1.0",
        "activate: true",
      ].join("\n"),
    );
    // cwd is the temp folder: the default --config (configs/train.yaml) is not there, so pass it;
    // registry_dir is unset, so models go to <cwd>/artifacts/models.
    cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run("train", "--config", "train.yaml", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    first = JSON.parse(run.stdout) as TrainSummary;
  });
  afterAll(() => tmp.cleanup());

  it("prints one JSON summary that matches what the registry saved", async () => {
    const registry = createRegistry({ dir: registryDir() });
    const [entry] = await registry.list();
    expect(first.version).toBe("v1");
    expect(first.path).toBe(path.join(registryDir(), "v1"));
    expect(entry).toMatchObject({ version: "v1", status: "ok", is_active: true });
    expect(entry?.metrics).toEqual({
      rmse: first.validation.model.rmse,
      r2: first.validation.model.r2,
      directional_accuracy: first.validation.model.directional_accuracy,
    });
    const loaded = await registry.load("v1");
    const md = loaded.metadata;
    expect(md.dataset_hash).toBe(first.dataset_hash);
    expect(md).toMatchObject({
      model_type: "ridge",
      hyperparameters: {
        alpha: 1,
        lookback: 20,
        cv_folds: 5,
        cv_gap: 20,
        validation_fraction: 0.2,
      },
      data_source: { kind: "sample" },
      split: {
        train_rows: first.rows.train,
        validation_rows: first.rows.validation,
        cut_timestamp: first.cut_timestamp,
      },
      config: { seed: 42, candles: 1000, symbols: ["AAPL", "MSFT", "GOOG", "AMZN", "TSLA"] },
      training_duration_ms: 0,
    });
    expect(Object.keys(md.package_versions as object).sort()).toEqual(
      [
        "@mle/dataset",
        "@mle/features",
        "@mle/market-client",
        "@mle/registry",
        "@mle/trainer",
        "@mle/cli",
      ].sort(),
    );
    expect(Object.values(md.package_versions as object)).not.toContain("unknown");
    expect(loaded.featureColumns).toEqual([
      "close",
      "simple_return",
      "moving_average",
      "rolling_volatility",
    ]);
  });

  it("uses every candle: 5 symbols x (1000 - 20 warm-up - 1 unlabeled) rows", () => {
    expect(first.rows.total).toBe(5 * (1000 - 20 - 1));
    expect(first.rows.train + first.rows.validation).toBe(first.rows.total);
    expect(first.cv.folds).toBe(5);
  });

  it("records no registry location and no absolute path in metadata, only what identifies the model", async () => {
    const loaded = await createRegistry({ dir: registryDir() }).load("v1");
    const metadata = loaded.metadata as unknown as Record<string, unknown> & {
      config: Record<string, unknown>;
    };
    expect(metadata.config_file).toBe("train.yaml");
    expect(metadata).toMatchObject({
      model_name: "default",
      registry_backend: "fs",
      version: "v1",
    });
    expect(metadata.config.model_name).toBe("default");
    expect(metadata.config).not.toHaveProperty("registry_dir");
    expect(metadata.config).not.toHaveProperty("registry");
    const json = JSON.stringify(metadata);
    expect(json).not.toContain("artifacts/models");
    expect(json).not.toContain(tmp.dir);
    expect(json).not.toContain(process.cwd());
    expect(first).toMatchObject({ registry: registryDir(), model: "default" });
    expect(first).not.toHaveProperty("registry_dir");
  });

  it("learns the AR(1) momentum the sample generator builds in (phi = 0.12 on daily returns)", async () => {
    // The generator's returns follow r[t+1] = mu + 0.12 (r[t] - mu) + noise, so the model must put a
    // positive weight on simple_return (with ~3,900 training rows the estimate is ~7 standard errors
    // from 0) and its sign forecasts must beat a coin on the held-out rows; for a Gaussian AR(1) with
    // phi 0.12 the expected hit rate is 1/2 + asin(0.12)/pi ≈ 0.538.
    const loaded = await createRegistry({ dir: registryDir() }).load("v1");
    const model = loaded.model as {
      kind: string;
      feature_spec: { features: string[] };
      body: { coefficients: number[] };
    };
    expect(model.kind).toBe("ridge");
    const w = model.body.coefficients[model.feature_spec.features.indexOf("simple_return")];
    expect(w).toBeGreaterThan(0);
    expect(first.validation.model.directional_accuracy).toBeGreaterThan(0.5);
    expect(first.cv.mean.directional_accuracy).toBeGreaterThan(0.5);
  });

  it("saves v2 without moving the pointer when not activated, v3 with --activate, and rolls back with models activate v1", async () => {
    const second = await cli.run(...quick, "--json", "--no-activate");
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      version: "v2",
      activated: false,
      active_version: "v1",
    });

    const third = await cli.run(...quick, "--json", "--activate");
    expect(JSON.parse(third.stdout)).toMatchObject({
      version: "v3",
      activated: true,
      active_version: "v3",
    });

    const back = await cli.run("models", "activate", "v1", "--json");
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual({ active_version: "v1", previous_version: "v3" });
    expect(await createRegistry({ dir: registryDir() }).getActive()).toBe("v1");

    const list = await cli.run("models", "list", "--json");
    const listed = JSON.parse(list.stdout) as {
      active_version: string;
      models: Array<{ version: string }>;
    };
    expect(listed.active_version).toBe("v1");
    expect(listed.models.map((m) => m.version)).toEqual(["v3", "v2", "v1"]);
  });

  it("prints a readable summary table without --json", async () => {
    const run = await cli.run(...quick, "--no-activate");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Trained ridge model v4 \(not active; active is v1\)/);
    expect(run.stdout).toMatch(/baseline: predict 0/);
    expect(run.stdout).toMatch(/CV 3 folds \(mean ± std\)/);
    expect(run.stdout).toContain(path.join(registryDir(), "v4"));
  });

  it("shows progress on a terminal and stays quiet in CI", async () => {
    const tty = createTestCli({ cwd: tmp.dir, isTTY: true });
    const args = [...quick, "--no-activate", "--registry-dir", "tty-models"];
    const shown = await tty.run(...args);
    expect(shown.stderr).toMatch(/› fetching AAPL \(1\/5/);
    expect(shown.stderr).toMatch(/› building dataset/);
    const ci = createTestCli({ cwd: tmp.dir, isTTY: true, env: { CI: "true" } });
    expect((await ci.run(...args)).stderr).toBe("");
  });
});
