import path from "node:path";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { MODEL_KINDS, TRAINABLE_KIND_NAMES } from "@mle/trainer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";
import { smallTrainConfig } from "../testing/train-config";
import type { TrainSummary } from "../train/summary";

const BASE = smallTrainConfig({ cv: { gap: null } });

describe("mle train: model kinds from the trainer's table", () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await createTempDir();
  });
  afterAll(() => tmp.cleanup());

  it("lists every kind and every hyperparameter of every kind in --help", async () => {
    const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
    const run = await cli.run("train", "--help");
    expect(run.code).toBe(0);
    for (const kind of TRAINABLE_KIND_NAMES) {
      expect(run.stdout).toContain(kind);
      for (const key of Object.keys(MODEL_KINDS[kind].params.specs)) {
        expect(run.stdout).toContain(`--${key.replaceAll("_", "-")}`);
      }
    }
    expect(run.stdout).toMatch(/--n-trees <n>\s+gbdt: boosting rounds/);
  });

  it("trains gbdt from --model and kind flags and saves its kind and hyperparameters", async () => {
    const file = await tmp.file("ridge.yaml", `${BASE}\nmodel:\n  type: ridge\n  alpha: 2\n`);
    const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
    const run = await cli.run(
      "train",
      "--config",
      file,
      "--model",
      "gbdt",
      "--n-trees",
      "8",
      "--set",
      "max_depth=3",
      "--json",
    );
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as TrainSummary;
    expect(summary.model_type).toBe("gbdt");
    expect(summary.hyperparameters).toMatchObject({ n_trees: 8, max_depth: 3 });
    const loaded = await createRegistry({ dir: path.join(tmp.dir, "models") }).load(
      summary.version,
    );
    expect(loaded.model).toMatchObject({ kind: "gbdt", hyperparameters: { n_trees: 8 } });
    expect(loaded.metadata).toMatchObject({
      model_type: "gbdt",
      hyperparameters: { n_trees: 8, max_depth: 3, lookback: 10 },
    });
  });

  it("exits 2 on a hyperparameter of another kind or out of range, before any fetch", async () => {
    const file = await tmp.file("plain.yaml", BASE);
    for (const args of [
      ["--n-trees", "5"],
      ["--model", "gbdt", "--max-depth", "0"],
      ["--model", "lasso"],
      ["--set", "n_trees"],
    ]) {
      const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
      const run = await cli.run("train", "--config", file, ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/model\.n_trees|model\.max_depth|model\.type|key=value/);
      expect(cli.fetches()).toBe(0);
    }
  });
});
