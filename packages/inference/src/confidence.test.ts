import { describe, expect, it } from "vitest";
import { directionConfidence, predictionInterval, type ResidualStats } from "./confidence";

const residuals: ResidualStats = {
  mean: 0,
  std: 0.01,
  quantiles: { q05: -0.016, q95: 0.017 },
  directional_accuracy: 0.53,
};

describe("directionConfidence", () => {
  it("is the Gaussian probability that the sign of the prediction is right", () => {
    expect(directionConfidence(0.01, residuals)).toBeCloseTo(0.8413447460685429, 12);
    expect(directionConfidence(-0.02, residuals)).toBeCloseTo(0.9772498680518208, 12);
  });

  it("corrects for a biased residual mean", () => {
    // A model that under-predicts by 0.01 on average: a prediction of -0.01 is a coin flip.
    expect(directionConfidence(-0.01, { ...residuals, mean: 0.01 })).toBeCloseTo(0.5, 12);
    expect(directionConfidence(-0.011, { ...residuals, mean: 0.01 })).toBeGreaterThan(0.5);
    expect(directionConfidence(-0.009, { ...residuals, mean: 0.01 })).toBeLessThan(0.5);
  });

  it("grows with the size of the prediction and stays within [0, 1]", () => {
    let previous = 0.5;
    for (const p of [1e-6, 1e-4, 1e-3, 0.01, 0.05, 1, 1e6]) {
      const c = directionConfidence(p, residuals);
      expect(c).toBeGreaterThanOrEqual(previous);
      expect(c).toBeLessThanOrEqual(1);
      previous = c;
    }
  });

  it("is 0.5 for a prediction of exactly zero", () => {
    expect(directionConfidence(0, residuals)).toBe(0.5);
  });

  it("falls back to the validation directional accuracy when the residual std is degenerate", () => {
    expect(directionConfidence(0.01, { ...residuals, std: 0 })).toBe(0.53);
    expect(directionConfidence(0.01, { ...residuals, std: Number.NaN })).toBe(0.53);
  });
});

describe("predictionInterval", () => {
  it("adds the 5% and 95% residual quantiles to the prediction", () => {
    const interval = predictionInterval(0.002, residuals.quantiles);
    expect(interval.lower).toBe(0.002 + -0.016);
    expect(interval.upper).toBe(0.002 + 0.017);
    expect(interval.level).toBe(0.9);
  });
});
