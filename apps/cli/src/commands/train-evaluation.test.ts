import { createSampleSource } from "@mle/market-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";
import type { TrainSummary } from "../train/summary";

const CONFIG = [
  "symbols: [AAPL, MSFT]",
  "lookback: 10",
  "candles: 400",
  "registry_dir: models",
].join("\n");

describe("mle train: the evaluation verdict", () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await createTempDir();
  });
  afterAll(() => tmp.cleanup());

  it("ends with a verdict line naming the p-values, after the served interval", async () => {
    const file = await tmp.file("train.yaml", CONFIG);
    const run = await createTestCli({ cwd: tmp.dir, source: createSampleSource() }).run(
      "train",
      "--config",
      file,
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(
      /^verdict: (beats the zero forecast \(CW p|no evidence of skill over the zero forecast \(DM p)/,
    );
    expect(run.stdout).toMatch(
      / {2}interval {3}90 % split-conformal ± [0-9.]+ × rolling_volatility \(\d+ walk-forward test rows, embargo 11\); validation coverage [0-9.]+%/,
    );
  });

  it("--json carries the whole evaluation object; --gap overrides the automatic embargo", async () => {
    const file = await tmp.file("train-json.yaml", CONFIG);
    const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
    const auto = JSON.parse(
      (await cli.run("train", "--config", file, "--json")).stdout,
    ) as TrainSummary;
    expect(auto.evaluation.format).toBe("mle.evaluation");
    expect(auto.evaluation.folds.embargo).toEqual({
      history: 10,
      label_horizon: 1,
      gap: 11,
      source: "auto",
    });
    expect(auto.verdict).toBe(auto.evaluation.verdict.text);
    const fixed = JSON.parse(
      (await cli.run("train", "--config", file, "--json", "--gap", "4")).stdout,
    ) as TrainSummary;
    expect(fixed.evaluation.folds.embargo).toMatchObject({ gap: 4, source: "option" });
    const bad = await cli.run("train", "--config", file, "--gap", "soon");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected an integer or "auto"/);
  });
});
