import { describe, expect, it } from "vitest";
import { TWO_SYMBOLS as P } from "../testing/predictions";
import {
  alignOnTime,
  coverageByFold,
  cumulativeReturns,
  foldRmse,
  histogram,
  residuals,
  scatterPairs,
  symbolSeries,
} from "./prepare";


describe("symbolSeries", () => {
  it("takes one symbol's validation rows in time order", () => {
    expect(symbolSeries(P, 0)).toEqual({
      time: [2, 3],
      actual: [-0.01, 0.03],
      predicted: [0.01, 0.01],
      lower: [-0.01, -0.01],
      upper: [0.03, 0.02],
    });
    expect(symbolSeries(P, 0, [0]).time).toEqual([1]);
  });
});

describe("scatterPairs and residuals", () => {
  it("pairs validation rows sorted by actual", () => {
    expect(scatterPairs(P)).toEqual({ x: [-0.01, 0.0, 0.02, 0.03], y: [0.01, 0.005, -0.01, 0.01] });
  });
  it("computes actual - predicted on validation rows", () => {
    const r = residuals(P);
    expect(r).toHaveLength(4);
    expect(r[0]).toBeCloseTo(0.02, 12);
    expect(r[1]).toBeCloseTo(-0.02, 12);
  });
});

describe("histogram", () => {
  it("counts every value once, the maximum in the last bin", () => {
    const h = histogram([0, 1, 2, 3, 4, 10], 5);
    expect(h.counts).toEqual([2, 2, 1, 0, 1]);
    expect(h.width).toBe(2);
    expect(h.centers).toEqual([1, 3, 5, 7, 9]);
  });
  it("puts equal values in one bin and returns nothing for no values", () => {
    expect(histogram([2, 2, 2])).toEqual({ centers: [2], counts: [3], width: 0 });
    expect(histogram([]).counts).toEqual([]);
  });
});

describe("coverageByFold", () => {
  it("is the share of rows inside [lower, upper] per fold, validation last", () => {
    // fold 0: 0.01 in [-0.02, 0.02] yes; -0.02 in [-0.01, 0.03] no -> 0.5
    // validation: 0.03 > 0.02 no; -0.01 in yes; 0.02 > 0.01 no; 0 in yes -> 0.5
    expect(coverageByFold(P)).toEqual({ folds: [0, -1], coverage: [0.5, 0.5], rows: [2, 4] });
  });
});

describe("cumulativeReturns", () => {
  it("compounds sign(predicted) * actual against buy-and-hold", () => {
    const r = cumulativeReturns(P, 1);
    // BBB validation in time order: t=2 (actual 0, pred +) then t=3 (actual 0.02, pred -)
    expect(r.time).toEqual([2, 3]);
    expect(r.strategy[1]).toBeCloseTo(1 * (1 - 0.02), 12);
    expect(r.buyAndHold[1]).toBeCloseTo(1 * 1.02, 12);
  });
});

describe("foldRmse", () => {
  it("reads the model and both baselines per fold and on validation from metrics.json", () => {
    const set = (m: number) => ({
      model: { rmse: m },
      baseline_zero: { rmse: 2 },
      baseline_mean: { rmse: 3 },
    });
    const f = foldRmse({
      cv: {
        folds: [
          { index: 0, ...set(1) },
          { index: 1, ...set(1.5) },
        ],
      },
      validation: set(4),
    });
    expect(f.labels).toEqual(["fold 1", "fold 2", "validation"]);
    expect(f.model).toEqual([1, 1.5, 4]);
    expect(f.baselineZero).toEqual([2, 2, 2]);
    expect(f.baselineMean).toEqual([3, 3, 3]);
  });
  it("is empty for a missing metrics file", () => {
    expect(foldRmse(null).labels).toEqual([]);
  });
});

describe("alignOnTime", () => {
  it("aligns series on the union of their times with nulls for gaps", () => {
    expect(
      alignOnTime([
        { time: [1, 3], values: [10, 30] },
        { time: [2, 3], values: [20, 31] },
      ]),
    ).toEqual({
      time: [1, 2, 3],
      values: [
        [10, null, 30],
        [null, 20, 31],
      ],
    });
  });
});
