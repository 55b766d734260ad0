import { buildDataset, DEFAULT_FEATURES } from "@mle/dataset";
import { describe, expect, it } from "vitest";
import { ar1Candles } from "./ar1.fixture";
import { intervalOffsets } from "./evaluation/interval";
import { loadModel } from "./load-model";
import { predictionsArtifact } from "./predictions-artifact";
import { train } from "./train";

const ds = buildDataset(
  { AAA: ar1Candles(400, 0.3, 7), BBB: ar1Candles(400, 0.3, 8) },
  { lookback: 10, features: [...DEFAULT_FEATURES] },
);

describe("predictions.json of a real training run", () => {
  const result = train(ds, { alpha: 1, validationFraction: 0.2, folds: 3 });
  const p = predictionsArtifact(ds, result.predictions, result.evaluation.interval);

  it("holds every walk-forward test row (fold 0..K-1) and then every validation row (fold -1)", () => {
    const cvRows = result.metrics.cv.folds.reduce((n, f) => n + f.test_rows, 0);
    expect(p.fold.filter((f) => f >= 0)).toHaveLength(cvRows);
    expect(p.fold.filter((f) => f === -1)).toHaveLength(result.split.validationRows);
    expect([...new Set(p.fold)]).toEqual([0, 1, 2, -1]);
    expect(p.symbols).toEqual(["AAA", "BBB"]);
    for (const col of [p.timestamps, p.symbol, p.actual, p.predicted, p.lower, p.upper]) {
      expect(col).toHaveLength(p.fold.length);
    }
  });

  it("stores the saved model's validation predictions and the bounds serving computes (6 digits)", () => {
    const first = p.fold.indexOf(-1);
    const row = result.split.validation.start;
    const predicted = loadModel(result.model).predictRow(
      ds.X.subarray(row * ds.cols, (row + 1) * ds.cols),
    );
    const [lo, hi] = intervalOffsets(
      result.evaluation.interval,
      result.predictions.validation.scale[0]!,
    );
    // 6 significant digits: relative rounding error at most 5e-6.
    const close6 = (stored: number | undefined, exact: number) =>
      expect(Math.abs(stored! - exact)).toBeLessThanOrEqual(5e-6 * Math.abs(exact));
    close6(p.predicted[first], predicted);
    close6(p.actual[first], ds.y[row]!);
    close6(p.lower[first], predicted + lo);
    close6(p.upper[first], predicted + hi);
    expect(p.timestamps[first]).toBe(ds.timestamps[row]! / 1000);
    expect(p.interval_method).toBe(result.evaluation.interval.method);
  });

  it("is deterministic: training twice gives the same predictions.json bytes", () => {
    const again = train(ds, { alpha: 1, validationFraction: 0.2, folds: 3 });
    expect(
      JSON.stringify(predictionsArtifact(ds, again.predictions, again.evaluation.interval)),
    ).toBe(JSON.stringify(p));
  });
});
