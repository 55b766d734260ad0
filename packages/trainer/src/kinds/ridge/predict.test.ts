import { describe, expect, it } from "vitest";
import { predictRange, predictRow } from "./predict";

const model = { means: [1, 10], scales: [2, 5], coefficients: [4, -1], intercept: 0.5 };

describe("predictRow", () => {
  it("standardizes with the stored scaler and applies the coefficients", () => {
    // 0.5 + 4 * (3 - 1) / 2 - 1 * (20 - 10) / 5 = 0.5 + 4 - 2
    expect(predictRow(model, [3, 20])).toBe(2.5);
  });

  it("reads a model.json artifact shape the same way", () => {
    const artifact = {
      scaler: { means: model.means, scales: model.scales },
      coefficients: model.coefficients,
      intercept: model.intercept,
    };
    expect(predictRow(artifact, [3, 20])).toBe(predictRow(model, [3, 20]));
  });
});

describe("predictRange", () => {
  it("gives bit-identical values to predictRow for each row of the range", () => {
    const X = Float64Array.from([0.1, 9, 3, 20, -7, 11.3, 1e-3, 1e3]);
    const p = predictRange(model, { X, cols: 2 }, { start: 1, end: 4 });
    expect(Array.from(p)).toEqual(
      [1, 2, 3].map((i) => predictRow(model, X.subarray(i * 2, i * 2 + 2))),
    );
  });
});
