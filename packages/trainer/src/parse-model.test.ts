import { describe, expect, it } from "vitest";
import { isTrainerError } from "./errors";
import { parseModel } from "./parse-model";

const residuals = {
  n: 200,
  mean: 0,
  std: 0.01,
  mae: 0.008,
  quantiles: { q05: -0.016, q50: 0, q95: 0.017 },
  target_std: 0.011,
  directional_accuracy: 0.53,
};

function valid() {
  return {
    format: "mle.model",
    format_version: 2,
    kind: "ridge",
    feature_spec: { lookback: 20, features: ["close", "simple_return"] },
    hyperparameters: { alpha: 1 },
    residuals,
    body: {
      scaler: { means: [100, 0.001], scales: [5, 0.01] },
      coefficients: [0.1, -0.2],
      intercept: 0.0004,
    },
  };
}

function legacy() {
  return {
    format: "mle.ridge",
    format_version: 1,
    feature_spec: { lookback: 20, features: ["close", "simple_return"] },
    feature_columns: ["close", "simple_return"],
    scaler: { means: [100, 0.001], scales: [5, 0.01] },
    coefficients: [0.1, -0.2],
    intercept: 0.0004,
    alpha: 1,
    residuals,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests mutate nested fields of plain documents.
type Doc = Record<string, any>;

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
  it("accepts a valid envelope and returns an equal clean copy without unknown keys", () => {
    const json = { ...valid(), extra: "ignored" };
    const parsed = parseModel(JSON.parse(JSON.stringify(json)));
    expect(parsed).toEqual(valid());
    expect("extra" in parsed).toBe(false);
  });

  it("reads the v1 mle.ridge layout as the same ridge envelope", () => {
    expect(parseModel(legacy())).toEqual(valid());
  });

  it("names the first field at fault in an envelope", () => {
    const cases: Array<[(m: Doc) => void, string]> = [
      [(m) => Object.assign(m, { format: "pickle" }), "format"],
      [(m) => Object.assign(m, { format_version: 3 }), "format_version"],
      [(m) => Object.assign(m, { kind: "svm" }), "kind"],
      [(m) => Object.assign(m.feature_spec, { lookback: 2.5 }), "feature_spec.lookback"],
      [
        (m) => Object.assign(m.feature_spec, { features: ["close", "macd_line"] }),
        "feature_spec.features[1]",
      ],
      [
        (m) => Object.assign(m.feature_spec, { features: ["close", "close"] }),
        "feature_spec.features[1]",
      ],
      [(m) => Object.assign(m.hyperparameters, { alpha: null }), "hyperparameters.alpha"],
      [(m) => Object.assign(m.body.scaler, { means: [1] }), "body.scaler.means"],
      [(m) => Object.assign(m.body.scaler, { scales: [1, 0] }), "body.scaler.scales[1]"],
      [(m) => Object.assign(m.body, { coefficients: [1, "2"] }), "body.coefficients[1]"],
      [(m) => Object.assign(m.body, { intercept: null }), "body.intercept"],
      [(m) => Object.assign(m, { body: [] }), "body"],
      [(m) => Object.assign(m.residuals, { std: -1 }), "residuals.std"],
      [(m) => Object.assign(m.residuals.quantiles, { q95: "x" }), "residuals.quantiles.q95"],
      [
        (m) => Object.assign(m.residuals, { directional_accuracy: 2 }),
        "residuals.directional_accuracy",
      ],
    ];
    for (const [mutate, path] of cases) {
      const m: Doc = structuredClone(valid());
      mutate(m);
      expect(pathOf(m)).toBe(path);
    }
    expect(pathOf(null)).toBe("(root)");
    expect(pathOf([])).toBe("(root)");
  });

  it("names the first field at fault in a v1 document", () => {
    const cases: Array<[(m: Doc) => void, string]> = [
      [(m) => Object.assign(m, { format_version: 2 }), "format_version"],
      [(m) => Object.assign(m, { feature_columns: ["close", "ema"] }), "feature_columns[1]"],
      [(m) => Object.assign(m.scaler, { scales: [1, 0] }), "body.scaler.scales[1]"],
      [(m) => Object.assign(m, { alpha: -1 }), "alpha"],
      [(m) => Object.assign(m.residuals, { std: -1 }), "residuals.std"],
    ];
    for (const [mutate, path] of cases) {
      const m: Doc = structuredClone(legacy());
      mutate(m);
      expect(pathOf(m)).toBe(path);
    }
  });

  it("never evaluates anything: a string of code stays data and is rejected", () => {
    const m: Doc = structuredClone(valid());
    m.body.intercept = "(() => { throw new Error('ran') })()";
    expect(pathOf(m)).toBe("body.intercept");
  });
});
