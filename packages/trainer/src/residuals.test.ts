import { describe, expect, it } from "vitest";
import { quantileSorted, residualStats } from "./residuals";

describe("quantileSorted", () => {
  it("interpolates linearly like numpy's default", () => {
    const s = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // numpy.quantile(range(1, 11), [0.05, 0.5, 0.95]) = [1.45, 5.5, 9.55]
    expect(quantileSorted(s, 0.05)).toBeCloseTo(1.45, 14);
    expect(quantileSorted(s, 0.5)).toBeCloseTo(5.5, 14);
    expect(quantileSorted(s, 0.95)).toBeCloseTo(9.55, 14);
    expect(quantileSorted(s, 0)).toBe(1);
    expect(quantileSorted(s, 1)).toBe(10);
    expect(quantileSorted([7], 0.3)).toBe(7);
  });
});

describe("residualStats", () => {
  it("summarizes actual − predicted with sample std and quantiles", () => {
    const actual = [1, 2, 3, 4, 5];
    const predicted = [1.5, 1.5, 3, 3, 6];
    // residuals -0.5, 0.5, 0, 1, -1 -> mean 0, sample var (0.25+0.25+0+1+1)/4
    const r = residualStats(actual, predicted);
    expect(r.n).toBe(5);
    expect(r.mean).toBeCloseTo(0, 15);
    expect(r.std).toBeCloseTo(Math.sqrt(2.5 / 4), 15);
    expect(r.mae).toBeCloseTo(0.6, 15);
    // sorted residuals -1, -0.5, 0, 0.5, 1: q05 at h=0.2 -> -0.9, q95 at h=3.8 -> 0.9
    expect(r.quantiles.q05).toBeCloseTo(-0.9, 15);
    expect(r.quantiles.q50).toBe(0);
    expect(r.quantiles.q95).toBeCloseTo(0.9, 15);
    expect(r.target_std).toBeCloseTo(Math.sqrt(2.5), 15);
    expect(r.directional_accuracy).toBe(1);
  });
});
