import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../load-model";
import { parseModel } from "../../parse-model";

// Written by the ridge-only code of commit ba71a0d (format "mle.ridge" v1), before model kinds.
const dir = new URL("./fixtures/", import.meta.url);
const legacy = JSON.parse(readFileSync(new URL("legacy-v1.model.json", dir), "utf8"));
const { rows, expected } = JSON.parse(
  readFileSync(new URL("legacy-v1.predictions.json", dir), "utf8"),
) as { rows: number[][]; expected: number[] };

describe("a model.json written before model kinds", () => {
  it("loads as a ridge model with its spec, alpha and residuals unchanged", () => {
    const artifact = parseModel(legacy);
    expect(artifact.kind).toBe("ridge");
    expect(artifact.feature_spec).toEqual(legacy.feature_spec);
    expect(artifact.hyperparameters).toEqual({ alpha: legacy.alpha });
    expect(artifact.residuals).toEqual(legacy.residuals);
  });

  it("predicts bit-identically to the code that wrote it, row by row and over a range", () => {
    const model = loadModel(legacy);
    const k = rows[0]!.length;
    const X = Float64Array.from(rows.flat());
    const range = model.predictRange({ X, cols: k }, { start: 0, end: rows.length });
    rows.forEach((row, i) => {
      expect(Object.is(model.predictRow(row), expected[i])).toBe(true);
      expect(Object.is(range[i], expected[i])).toBe(true);
    });
  });
});
