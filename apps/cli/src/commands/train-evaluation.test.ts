import path from "node:path";
import { type Candle, createSampleSource, type MarketDataSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import type { PredictionsArtifact } from "@mle/trainer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";
import { smallTrainConfig } from "../testing/train-config";
import type { TrainSummary } from "../train/summary";

const CONFIG = smallTrainConfig({ candles: 400, cv: false });

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

  it("stores predictions.json beside evaluation.json; models show prints the verdict and key statistics", async () => {
    const file = await tmp.file(
      "train-show.yaml",
      CONFIG.replace("registry_dir: models", "registry_dir: show-models"),
    );
    const cli = createTestCli({ cwd: tmp.dir, source: createSampleSource() });
    const summary = JSON.parse(
      (await cli.run("train", "--config", file, "--json")).stdout,
    ) as TrainSummary;
    const loaded = await createRegistry({ dir: path.join(tmp.dir, "show-models") }).load("v1");
    expect(Object.keys(loaded.files).sort()).toEqual(["evaluation.json", "predictions.json"]);
    const predictions = loaded.files["predictions.json"] as PredictionsArtifact;
    expect(predictions).toMatchObject({
      format: "mle.predictions",
      interval_method: "split-conformal",
      symbols: ["AAPL", "MSFT"],
    });
    expect(predictions.actual).toHaveLength(
      summary.evaluation.folds.test_rows + summary.rows.validation,
    );
    expect(loaded.metadata.artifacts["predictions.json"]!.bytes).toBeGreaterThan(0);

    const text = await cli.run("models", "show", "v1", "--registry-dir", "show-models");
    expect(text.stdout).toContain(`verdict     ${summary.verdict}\n`);
    expect(text.stdout).toMatch(
      /^vs zero {5}CW p [=<] \S+ validation \(n \d+\), p [=<] \S+ walk-forward \(n \d+\); DM p [=<] /m,
    );
    expect(text.stdout).toMatch(/^direction {3}PT p [=<] \S+ \(hit rate [0-9.]+%\)$/m);
    expect(text.stdout).toMatch(
      /^interval {4}90 % split-conformal ± [0-9.]+ × rolling_volatility \(\d+ walk-forward test rows, embargo 11\)$/m,
    );
    expect(text.stdout).toMatch(
      /^coverage {4}validation coverage [0-9.]+% \(\d+\/\d+, 99 % band \d+–\d+\), Kupiec p [=<] /m,
    );
    expect(text.stdout).toMatch(/^confidence {2}ECE [0-9.]+, Brier /m);
    const json = JSON.parse(
      (await cli.run("models", "show", "v1", "--registry-dir", "show-models", "--json")).stdout,
    );
    expect(json.evaluation).toEqual(loaded.files["evaluation.json"]);
    expect(json.files["predictions.json"]).toEqual({ stored: true });
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

  /** Daily candles whose returns follow AR(1) with coefficient phi (phi 0: a random walk, no skill to find). */
  function ar1Source(phi: number): MarketDataSource {
    return {
      kind: "test",
      async getCandles(symbol, { limit }) {
        let s = symbol.charCodeAt(0) * 7919;
        const uniform = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
        let close = 100;
        let r = 0;
        const out: Candle[] = [];
        for (let i = 0; i < limit; i++) {
          const t = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString();
          out.push({ timestamp: t, open: close, high: close, low: close, close, volume: 1000 });
          r =
            phi * r +
            0.01 * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
          close *= 1 + r;
        }
        return out;
      },
    };
  }

  it("--require-skill saves but does not activate a model without evidence, and exits 1 saying why", async () => {
    const file = await tmp.file(
      "train-skill.yaml",
      CONFIG.replace("registry_dir: models", "registry_dir: skill-models"),
    );
    const registry = createRegistry({ dir: path.join(tmp.dir, "skill-models") });
    const trainOn = (phi: number, ...flags: string[]) =>
      createTestCli({ cwd: tmp.dir, source: ar1Source(phi) }).run(
        "train",
        "--config",
        file,
        "--candles",
        "1500",
        "--require-skill",
        ...flags,
      );
    const noSkill = await trainOn(0);
    expect(noSkill.code).toBe(1);
    expect(noSkill.stdout).toMatch(/verdict: no evidence of skill/);
    expect(noSkill.stderr).toMatch(/NO_SKILL_EVIDENCE.*v1 was not activated: no evidence of skill/);
    expect(await registry.getActive()).toBeNull();
    expect((await registry.list()).map((m) => m.version)).toEqual(["v1"]);
    const refused = await createTestCli({ cwd: tmp.dir, source: ar1Source(0) }).run(
      "models",
      "activate",
      "v1",
      "--require-skill",
      "--registry-dir",
      "skill-models",
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/NO_SKILL_EVIDENCE.*v1 was not activated/);
    expect(await registry.getActive()).toBeNull();
    const shown = await createTestCli({ cwd: tmp.dir, source: ar1Source(0) }).run(
      "models",
      "show",
      "v1",
      "--registry-dir",
      "skill-models",
    );
    expect(shown.stdout).toMatch(/^verdict {5}(no evidence of skill|no evaluation\.json)/m);

    const skill = await trainOn(0.3, "--json");
    expect(skill.code).toBe(0);
    expect(JSON.parse(skill.stdout)).toMatchObject({
      version: "v2",
      activated: true,
      activation_refused: false,
    });
    expect(await registry.getActive()).toBe("v2");
  });
});
