import path from "node:path";
import { createSampleSource } from "@mle/market-client";
import { createRegistry, openRegistry, type Registry } from "@mle/registry";
import { saveSample } from "@mle/trainer/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";

const sample = createSampleSource();

/** Saves a small model (ridge, the four default columns) as the active version. */
const trainInto = (registry: Registry, lookback: number) =>
  saveSample(registry, sample, { lookback });

describe("mle predict", () => {
  let tmp: TempDir;
  let registry: Registry;
  beforeEach(async () => {
    tmp = await createTempDir();
    registry = createRegistry({ dir: path.join(tmp.dir, "reg") });
  });
  afterEach(() => tmp.cleanup());

  it("prints the prediction of the active model as JSON, for the latest candle", async () => {
    const version = await trainInto(registry, 10);
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run("predict", "--symbol", "aapl", "--json", "--registry-dir", "reg");
    expect(run.code).toBe(0);
    const p = JSON.parse(run.stdout);
    const latest = await sample.getCandles("AAPL", { limit: 1 });
    expect(p).toMatchObject({
      symbol: "AAPL",
      model_version: version,
      timestamp: latest[0]!.timestamp,
    });
    expect(Object.keys(p.features)).toEqual([
      "close",
      "simple_return",
      "moving_average",
      "rolling_volatility",
    ]);
    expect(p.prediction_interval.level).toBe(0.9);
    expect(cli.fetches()).toBe(1);
  });

  it("uses the version given with --model-version and prints a summary and a feature table by default", async () => {
    const v1 = await trainInto(registry, 10);
    await trainInto(registry, 5);
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run(
      "predict",
      "-s",
      "MSFT",
      "--model-version",
      v1,
      "--registry-dir",
      "reg",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^MSFT next return .* confidence [0-9.]+%, model ${v1}, latest candle `),
    );
    expect(run.stdout).toMatch(/moving_average\s+[0-9.]+/);
  });

  it("exits 1 with how to train when there is no model, and for an unknown version", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const none = await cli.run("predict", "-s", "AAPL", "--registry-dir", "reg");
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/NO_ACTIVE_MODEL.*pnpm --filter @mle\/cli train/);
    await trainInto(registry, 10);
    const missing = await cli.run(
      "predict",
      "-s",
      "AAPL",
      "--model-version",
      "v9",
      "--registry-dir",
      "reg",
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/MODEL_NOT_FOUND/);
  });

  it("predicts with another model (--model) and with a version named by an alias", async () => {
    const v1 = await trainInto(registry, 10);
    await trainInto(registry, 5);
    await registry.setAlias("champion", v1);
    const other = openRegistry(path.join(tmp.dir, "reg")).model("btc-1m");
    const btc = await trainInto(other, 5);
    const cli = createTestCli({ cwd: tmp.dir });
    const predictAapl = (...flags: string[]) =>
      cli.run("predict", "-s", "AAPL", ...flags, "--registry", "reg");
    const byAlias = await predictAapl("--model-version", "champion", "--json");
    expect(byAlias.code, byAlias.stderr).toBe(0);
    expect(JSON.parse(byAlias.stdout).model_version).toBe(v1);
    const named = await predictAapl("--model", "btc-1m", "--json");
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).model_version).toBe(btc);
    const unset = await predictAapl("--model-version", "nightly");
    expect(unset.code).toBe(1);
    expect(unset.stderr).toMatch(/^error \[ALIAS_NOT_FOUND\]/);
    const bad = await predictAapl("--model", "../x");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error \[INVALID_NAME\]/);
    expect(cli.fetches()).toBe(2);
  });

  it("exits 2 for an invalid symbol without fetching", async () => {
    await trainInto(registry, 10);
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run("predict", "-s", "../etc", "--registry-dir", "reg");
    expect(run.code).toBe(2);
    expect(cli.fetches()).toBe(0);
  });
});
