import { describe, expect, it } from "vitest";
import { TWO_SYMBOLS as P } from "../testing/predictions";
import type { Predictions } from "../types";
import { pointCount } from "./chart";
import {
  coveragePlot,
  foldMetricsPlot,
  residualPlot,
  returnsPlot,
  type Side,
  scatterPlot,
  symbolsOf,
  timeSeriesPlot,
} from "./specs";

// The same rows, another model: predictions shifted by 0.001, and only symbol AAA.
const Q: Predictions = {
  ...P,
  symbols: ["AAA"],
  timestamps: [1, 3, 2],
  symbol: [0, 0, 0],
  fold: [0, -1, -1],
  actual: [0.01, 0.03, -0.01],
  predicted: [0.001, 0.011, 0.011],
  lower: [-0.02, -0.01, -0.01],
  upper: [0.02, 0.02, 0.03],
};
const metrics = (m: number) => ({
  cv: {
    folds: [
      { index: 0, model: { rmse: m }, baseline_zero: { rmse: 2 }, baseline_mean: { rmse: 3 } },
    ],
  },
  validation: { model: { rmse: m }, baseline_zero: { rmse: 2 }, baseline_mean: { rmse: 3 } },
});
const a: Side = { version: "v1", metrics: metrics(1), predictions: P };
const b: Side = { version: "v2", metrics: metrics(1.5), predictions: Q };
const labels = (spec: { options: { series: Array<{ label?: unknown }> } }) =>
  spec.options.series.slice(1).map((s) => s.label);

describe("one version", () => {
  it("draws predicted vs actual with the interval band of the version", () => {
    const t = timeSeriesPlot([a], "AAA");
    expect(t.data).toEqual([
      [2, 3],
      [-0.01, 0.03],
      [0.01, 0.01],
      [0.03, 0.02],
      [-0.01, -0.01],
    ]);
    expect(labels(t)).toEqual([
      "actual",
      "predicted",
      "90 % interval upper",
      "90 % interval lower",
    ]);
    expect(t.options.bands).toEqual([{ series: [3, 4], fill: expect.any(String) }]);
  });

  it("bins every validation residual once and labels the returns plot an illustration", () => {
    const r = residualPlot([a]);
    expect((r.data[1] as number[]).reduce((x, y) => x + y, 0)).toBe(4);
    const ret = returnsPlot([a], "BBB");
    expect(ret.title).toMatch(/^Illustration:/);
    expect(ret.note).toContain("not a backtest");
    expect(labels(ret)).toEqual(["predicted sign", "buy and hold"]);
  });

  it("plots model RMSE per fold against both baselines", () => {
    const f = foldMetricsPlot([a]);
    expect(f.data).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(labels(f)).toEqual(["model", "baseline: zero", "baseline: train mean"]);
  });
});

describe("two versions overlaid", () => {
  it("aligns both predictions on the actual values' times, without bands", () => {
    const t = timeSeriesPlot([a, b], "AAA");
    expect(t.data).toEqual([
      [2, 3],
      [-0.01, 0.03],
      [0.01, 0.01],
      [0.011, 0.011],
    ]);
    expect(labels(t)).toEqual(["actual", "v1 predicted", "v2 predicted"]);
    expect(t.options.bands).toBeUndefined();
  });

  it("draws a symbol only one version has with a gap for the other", () => {
    const t = timeSeriesPlot([a, b], "BBB");
    expect(t.data[3]).toEqual([null, null]);
    expect(pointCount(t.data)).toBe(4);
    expect(symbolsOf([a, b])).toEqual(["AAA", "BBB"]);
  });

  it("shares residual bins and fold labels between the versions", () => {
    const r = residualPlot([a, b]);
    expect(r.data).toHaveLength(3);
    expect((r.data[1] as number[]).reduce((x, y) => x + y, 0)).toBe(4);
    expect((r.data[2] as number[]).reduce((x, y) => x + y, 0)).toBe(2);
    const c = coveragePlot([a, b]);
    expect(c.data).toEqual([
      [0, 1],
      [0.5, 0.5],
      [1, 0.5],
      [0.9, 0.9],
    ]);
    expect(labels(foldMetricsPlot([a, b]))[1]).toBe("v2 model");
  });

  it("puts every version's validation rows in the scatter with the y = x line", () => {
    const s = scatterPlot([a, b]);
    expect(s.data[0]).toEqual([-0.01, 0, 0.02, 0.03]);
    expect(s.data[2]).toEqual([0.011, null, null, 0.011]);
    expect(s.data[3]).toEqual([-0.01, null, null, 0.03]);
  });

  it("draws only the per-fold metrics for a version without predictions", () => {
    const old: Side = { version: "v0", metrics: metrics(2), predictions: null };
    expect(pointCount(foldMetricsPlot([old]).data)).toBe(6);
    expect(pointCount(timeSeriesPlot([old], "AAA").data)).toBe(0);
  });
});
