import { describe, expect, it } from "vitest";
import type { ServedInterval } from "./evaluation/interval";
import type { OutOfSamplePredictions, OutOfSampleSet } from "./evaluation/out-of-sample";
import { predictionsArtifact } from "./predictions-artifact";

const ds = {
  timestamps: Float64Array.from([86_400_000, 86_400_000, 172_800_000, 172_800_000]),
  symbolIds: Uint32Array.from([0, 1, 0, 1]),
  symbols: ["AAA", "BBB"],
};

function set(
  rows: number[],
  fold: number,
  actual: number[],
  predicted: number[],
  scale: number[],
): OutOfSampleSet {
  return {
    rows: Uint32Array.from(rows),
    fold: Int16Array.from(rows.map(() => fold)),
    actual: Float64Array.from(actual),
    predicted: Float64Array.from(predicted),
    baselineMean: Float64Array.from(rows.map(() => 0)),
    scale: Float64Array.from(scale),
  };
}

const predictions: OutOfSamplePredictions = {
  walkForward: set([0, 1], 0, [0.011, -0.02], [0.001, -0.002], [0.01, 0.02]),
  validation: set([2, 3], -1, [0.0301234567, 0.004], [0.0031234567, 0], [0.01, 0.01]),
};
const conformal: ServedInterval = {
  method: "split-conformal",
  level: 0.9,
  calibration_set: "walk_forward_test",
  calibration_size: 2,
  scale_feature: "rolling_volatility",
  rank: 2,
  quantile: 1.5,
};

describe("predictionsArtifact", () => {
  it("writes one column entry per out-of-sample row: time in seconds, symbol, fold, actual, prediction and served bounds", () => {
    const a = predictionsArtifact(ds, predictions, conformal);
    expect(a).toMatchObject({
      format: "mle.predictions",
      format_version: 1,
      level: 0.9,
      interval_method: "split-conformal",
      symbols: ["AAA", "BBB"],
    });
    expect(a.timestamps).toEqual([86_400, 86_400, 172_800, 172_800]);
    expect(a.symbol).toEqual([0, 1, 0, 1]);
    expect(a.fold).toEqual([0, 0, -1, -1]);
    expect(a.actual).toEqual([0.011, -0.02, 0.0301235, 0.004]);
    expect(a.predicted).toEqual([0.001, -0.002, 0.00312346, 0]);
    // Normalized conformal: prediction ± quantile × the row's scale.
    expect(a.lower[1]).toBeCloseTo(-0.002 - 1.5 * 0.02, 12);
    expect(a.upper[0]).toBeCloseTo(0.001 + 1.5 * 0.01, 12);
  });

  it("uses the fallback offsets when the interval is not conformal", () => {
    const a = predictionsArtifact(ds, predictions, {
      method: "validation-residual-quantiles",
      level: 0.9,
      calibration_size: 2,
      reason: "too few",
      lower_offset: -0.01,
      upper_offset: 0.02,
    });
    expect(a.lower[3]).toBe(-0.01);
    expect(a.upper[3]).toBe(0.02);
    expect(a.interval_method).toBe("validation-residual-quantiles");
  });

  it("is deterministic: the same inputs give the same JSON bytes", () => {
    expect(JSON.stringify(predictionsArtifact(ds, predictions, conformal))).toBe(
      JSON.stringify(predictionsArtifact(ds, predictions, conformal)),
    );
  });
});
