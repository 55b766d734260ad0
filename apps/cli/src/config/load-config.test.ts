import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type CliError, isCliError } from "../errors/cli-error";
import { loadTrainConfig, parseTrainConfig } from "./load-config";

function configError(text: string, overrides = {}): CliError {
  try {
    parseTrainConfig(text, "train.yaml", overrides);
  } catch (e) {
    if (isCliError(e)) return e;
    throw e;
  }
  throw new Error("expected the config to be rejected");
}

describe("parseTrainConfig", () => {
  it("fills every default when only symbols are given", () => {
    const config = parseTrainConfig("symbols: [AAPL]\n", "train.yaml");
    expect(config).toEqual({
      symbols: ["AAPL"],
      lookback: 20,
      candles: 1000,
      features: ["close", "simple_return", "moving_average", "rolling_volatility"],
      split: { validation_fraction: 0.2 },
      cv: { folds: 5, gap: "auto" },
      model: { type: "ridge", alpha: 1 },
      seed: 42,
      model_name: "default",
      activate: true,
    });
  });

  it("takes model_name and registry, and rejects a model name outside the registry's rule", () => {
    const config = parseTrainConfig(
      "symbols: [AAPL]\nmodel_name: btc-1m\nregistry: s3://models/prod\n",
      "train.yaml",
    );
    expect(config).toMatchObject({ model_name: "btc-1m", registry: "s3://models/prod" });
    for (const bad of ["../etc", "Upper", "a/b", "x".repeat(65), ""]) {
      const e = configError(`symbols: [AAPL]\nmodel_name: ${JSON.stringify(bad)}\n`);
      expect(e.issues).toEqual([
        {
          path: "model_name",
          message:
            "expected a model name: 1-64 of a-z, 0-9, _ and -, starting with a letter or digit",
        },
      ]);
    }
    expect(configError('symbols: [AAPL]\nregistry: ""\n').issues[0]?.path).toBe("registry");
  });

  it("upper-cases symbols and drops duplicates keeping the first occurrence", () => {
    const config = parseTrainConfig("symbols: [msft, aapl, MSFT, brk.b]\n", "train.yaml");
    expect(config.symbols).toEqual(["MSFT", "AAPL", "BRK.B"]);
  });

  it("names an unknown top-level key", () => {
    const e = configError("symbols: [AAPL]\nlookbak: 20\n");
    expect(e.code).toBe("CONFIG_INVALID");
    expect(e.issues).toEqual([{ path: "lookbak", message: "unknown key" }]);
  });

  it("names an unknown nested key with its full path", () => {
    const e = configError("symbols: [AAPL]\nsplit:\n  validation_fraction: 0.2\n  shuffle: true\n");
    expect(e.issues).toEqual([{ path: "split.shuffle", message: "unknown key" }]);
  });

  it("names a wrong type and what was expected", () => {
    const e = configError('symbols: [AAPL]\nlookback: "twenty"\n');
    expect(e.issues[0]?.path).toBe("lookback");
    expect(e.issues[0]?.message).toMatch(/expected an integer/);
  });

  it("rejects validation_fraction 1.5", () => {
    const e = configError("symbols: [AAPL]\nsplit:\n  validation_fraction: 1.5\n");
    expect(e.issues).toEqual([
      { path: "split.validation_fraction", message: "expected a number > 0 and < 1" },
    ]);
  });

  it("rejects cv.folds 1", () => {
    const e = configError("symbols: [AAPL]\ncv:\n  folds: 1\n");
    expect(e.issues).toEqual([{ path: "cv.folds", message: "expected an integer >= 2" }]);
  });

  it("rejects an unknown feature naming its index and the known names", () => {
    const e = configError("symbols: [AAPL]\nfeatures: [close, macd_line]\n");
    expect(e.issues[0]?.path).toBe("features[1]");
    expect(e.issues[0]?.message).toMatch(/unknown feature "macd_line".*simple_return/);
  });

  it("rejects an unknown model type naming the kinds, a negative alpha and a negative gap", () => {
    const e = configError("symbols: [AAPL]\nmodel:\n  type: lasso\ncv:\n  gap: -1\n");
    expect(e.issues.map((i) => i.path).sort()).toEqual(["cv.gap", "model.type"]);
    expect(e.issues.find((i) => i.path === "model.type")?.message).toBe(
      'expected type to be one of "ridge", "gbdt"',
    );
    const alpha = configError("symbols: [AAPL]\nmodel:\n  alpha: -1\n");
    expect(alpha.issues).toEqual([{ path: "model.alpha", message: "expected a number >= 0" }]);
  });

  it("reads any trainable kind from model.type, with the kind's defaults and ranges", () => {
    const config = parseTrainConfig(
      "symbols: [AAPL]\nmodel:\n  type: gbdt\n  n_trees: 50\n",
      "t.yaml",
    );
    expect(config.model).toMatchObject({
      type: "gbdt",
      n_trees: 50,
      max_depth: 6,
      learning_rate: 0.1,
    });
    const e = configError("symbols: [AAPL]\nmodel:\n  type: gbdt\n  alpha: 1\n  max_depth: 0\n");
    expect(e.issues.map((i) => i.path).sort()).toEqual(["model.alpha", "model.max_depth"]);
    expect(e.issues.find((i) => i.path === "model.max_depth")?.message).toBe(
      "expected an integer >= 1 and <= 16",
    );
  });

  it("lets --model switch the kind and kind flags or --set give its hyperparameters", () => {
    const file = "symbols: [AAPL]\nmodel:\n  type: ridge\n  alpha: 2\n";
    const gbdt = parseTrainConfig(file, "t.yaml", { model: "gbdt", modelParams: { n_trees: 7 } });
    expect(gbdt.model).toMatchObject({ type: "gbdt", n_trees: 7 });
    expect("alpha" in gbdt.model).toBe(false);
    const ridge = parseTrainConfig(file, "t.yaml", { modelParams: { alpha: 3 } });
    expect(ridge.model).toEqual({ type: "ridge", alpha: 3 });
    const e = configError(file, { modelParams: { n_trees: 7 } });
    expect(e.issues[0]?.path).toBe("model.n_trees");
  });

  it.each([
    [
      "rejects a symbol that does not match the symbol pattern",
      'symbols: [AAPL, "../etc"]\n',
      "symbols[1]",
    ],
    ["requires symbols and reports it for an empty file", "", "symbols"],
    ["rejects a config that is not a mapping", "- AAPL\n- MSFT\n", "(root)"],
  ])("%s", (_name, yaml, path) => {
    const e = configError(yaml);
    expect(e.issues[0]?.path).toBe(path);
  });

  it("rejects fewer candles than the warm-up needs", () => {
    const e = configError("symbols: [AAPL]\nlookback: 50\ncandles: 40\n");
    expect(e.issues[0]?.path).toBe("candles");
    expect(e.issues[0]?.message).toMatch(/at least 52 candles/);
  });

  it("reports invalid YAML with its line", () => {
    const e = configError("symbols: [AAPL\nlookback: 20\n");
    expect(e.code).toBe("CONFIG_PARSE_ERROR");
    expect(e.message).toMatch(/line \d+/);
  });

  it("lets flag overrides replace file values, nested ones included", () => {
    const config = parseTrainConfig(
      "symbols: [AAPL]\nlookback: 20\ncv:\n  folds: 5\n  gap: 3\n",
      "train.yaml",
      {
        symbols: ["msft"],
        lookback: 30,
        folds: 3,
        alpha: 0.1,
        activate: false,
        validationFraction: 0.3,
      },
    );
    expect(config.symbols).toEqual(["MSFT"]);
    expect(config.lookback).toBe(30);
    expect(config.cv).toEqual({ folds: 3, gap: 3 });
    expect(config.model).toEqual({ type: "ridge", alpha: 0.1 });
    expect(config.split.validation_fraction).toBe(0.3);
    expect(config.activate).toBe(false);
  });

  it("validates flag values with the same key paths", () => {
    const e = configError("symbols: [AAPL]\n", { folds: 1 });
    expect(e.issues).toEqual([{ path: "cv.folds", message: "expected an integer >= 2" }]);
  });
});

describe("loadTrainConfig", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it("reads and validates a file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mle-config-"));
    dirs.push(dir);
    const file = path.join(dir, "train.yaml");
    await writeFile(file, "symbols: [AAPL]\ncandles: 500\n");
    const config = await loadTrainConfig(file, "train.yaml");
    expect(config.candles).toBe(500);
  });

  it("throws CONFIG_NOT_FOUND naming the file", async () => {
    await expect(
      loadTrainConfig("/nonexistent/mle/train.yaml", "train.yaml"),
    ).rejects.toMatchObject({
      code: "CONFIG_NOT_FOUND",
      message: expect.stringContaining("train.yaml"),
    });
  });
});
