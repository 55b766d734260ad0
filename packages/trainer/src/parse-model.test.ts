import { describe, expect, it } from "vitest";
import { isTrainerError } from "./errors";
import type { ModelArtifact } from "./model";
import { parseModel } from "./parse-model";

function valid(): ModelArtifact {
  return {
    format: "mle.ridge",
    format_version: 1,
    feature_spec: { lookback: 20, features: ["close", "simple_return"] },
    feature_columns: ["close", "simple_return"],
    scaler: { means: [100, 0.001], scales: [5, 0.01] },
    coefficients: [0.1, -0.2],
    intercept: 0.0004,
    alpha: 1,
    residuals: {
      n: 200,
      mean: 0,
      std: 0.01,
      mae: 0.008,
      quantiles: { q05: -0.016, q50: 0, q95: 0.017 },
      target_std: 0.011,
      directional_accuracy: 0.53,
    },
  };
}

function pathOf(json: unknown): string | undefined {
  try {
    parseModel(json);
  } catch (e) {
    if (isTrainerError(e) && e.code === "INVALID_MODEL") return e.path;
    throw e;
  }
  return undefined;
}

describe("parseModel", () => {
  it("accepts a valid model and returns an equal clean copy without unknown keys", () => {
    const json = { ...valid(), extra: "ignored" };
    const parsed = parseModel(JSON.parse(JSON.stringify(json)));
    expect(parsed).toEqual(valid());
    expect("extra" in parsed).toBe(false);
  });

  it("names the first field at fault", () => {
    const cases: Array<[(m: Record<string, unknown> & ModelArtifact) => void, string]> = [
      [(m) => Object.assign(m, { format: "pickle" }), "format"],
      [(m) => Object.assign(m, { format_version: 2 }), "format_version"],
      [(m) => Object.assign(m.feature_spec, { lookback: 2.5 }), "feature_spec.lookback"],
      [
        (m) => Object.assign(m.feature_spec, { features: ["close", "macd"] }),
        "feature_spec.features[1]",
      ],
      [
        (m) => Object.assign(m.feature_spec, { features: ["close", "close"] }),
        "feature_spec.features",
      ],
      [(m) => Object.assign(m, { feature_columns: ["close", "ema"] }), "feature_columns[1]"],
      [(m) => Object.assign(m.scaler, { means: [1] }), "scaler.means"],
      [(m) => Object.assign(m.scaler, { scales: [1, 0] }), "scaler.scales[1]"],
      [(m) => Object.assign(m, { coefficients: [1, "2"] }), "coefficients[1]"],
      [(m) => Object.assign(m, { intercept: null }), "intercept"],
      [(m) => Object.assign(m, { alpha: -1 }), "alpha"],
      [(m) => Object.assign(m.residuals, { std: -1 }), "residuals.std"],
      [(m) => Object.assign(m.residuals.quantiles, { q95: "x" }), "residuals.quantiles.q95"],
      [
        (m) => Object.assign(m.residuals, { directional_accuracy: 2 }),
        "residuals.directional_accuracy",
      ],
    ];
    for (const [mutate, path] of cases) {
      const m = valid() as Record<string, unknown> & ModelArtifact;
      mutate(m);
      expect(pathOf(m)).toBe(path);
    }
    expect(pathOf(null)).toBe("(root)");
    expect(pathOf([])).toBe("(root)");
  });

  it("never evaluates anything: a string of code stays data and is rejected", () => {
    const m = { ...valid(), intercept: "(() => { throw new Error('ran') })()" };
    expect(pathOf(m)).toBe("intercept");
  });
});
