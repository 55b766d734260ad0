import path from "node:path";
import { buildDataset } from "@mle/dataset";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";
import { smallTrainConfig } from "../testing/train-config";
import type { TrainSummary } from "../train/summary";

const FEATURES = ["close", "simple_return", "atr_14", "vwap_20", "macd_12_26_9"];

describe("mle train with columns that read OHLCV, end to end on the sample source", () => {
  let tmp: TempDir;
  let summary: TrainSummary;
  /** Runs `mle` in the temp folder, expects exit 0 with nothing on stderr, and returns stdout. */
  async function runOk(...args: string[]): Promise<string> {
    const run = await createTestCli({ cwd: tmp.dir }).run(...args);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return run.stdout;
  }
  beforeAll(async () => {
    tmp = await createTempDir();
    await tmp.file(
      "train.yaml",
      smallTrainConfig({ candles: 400, features: FEATURES, activate: true }),
    );
    summary = JSON.parse(await runOk("train", "--config", "train.yaml", "--json")) as TrainSummary;
  });
  afterAll(() => tmp.cleanup());

  it("trains on the candles' high/low/volume and saves the OHLCV columns as the model's features", async () => {
    const loaded = await createRegistry({ dir: path.join(tmp.dir, "models") }).load("v1");
    expect(loaded.featureColumns).toEqual(FEATURES);
    // the warm-up is the slowest column's: macd_12_26_9 is defined from index 25
    expect(summary.rows.total).toBe(2 * (400 - 25 - 1));
    expect(Number.isFinite(summary.validation.model.rmse)).toBe(true);
  });

  it("predicts with the same columns: serving computes atr_14 as the dataset does for the latest candle", async () => {
    const stdout = await runOk("predict", "--symbol", "AAPL", "--json", "--registry-dir", "models");
    const p = JSON.parse(stdout) as { timestamp: string; features: Record<string, number> };
    // the dataset of the same history plus one unlabeled bar after it holds the latest candle as a row
    const history = await createSampleSource().getCandles("AAPL", { limit: 400 });
    const next = { ...history.at(-1)!, timestamp: "2100-01-01T00:00:00.000Z" };
    const ds = buildDataset({ AAPL: [...history, next] }, { lookback: 10, features: FEATURES });
    const last = ds.rows - 1;
    expect(new Date(ds.timestamps[last]!).toISOString()).toBe(p.timestamp);
    FEATURES.forEach((name, j) => {
      const trained = ds.X[last * ds.cols + j]!;
      expect(Math.abs(p.features[name]! - trained), name).toBeLessThanOrEqual(
        1e-9 * Math.abs(trained),
      );
    });
  });
});
