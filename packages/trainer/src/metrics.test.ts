import { describe, expect, it } from "vitest";
import { aggregateMetrics, regressionMetrics } from "./metrics";

describe("regressionMetrics", () => {
  it("matches hand-computed RMSE, MAE, R² and sign hit rate", () => {
    // actual mean 0.75; errors 0.5, -1, 0.5, 1 -> SSE 2.5, SAE 3; SST 0.0625+3.0625+0.0625+1.5625 = 4.75
    const m = regressionMetrics([1, -1, 1, 2], [0.5, 0, 0.5, 1]);
    expect(m.n).toBe(4);
    expect(m.rmse).toBeCloseTo(Math.sqrt(2.5 / 4), 15);
    expect(m.mae).toBeCloseTo(0.75, 15);
    expect(m.r2).toBeCloseTo(1 - 2.5 / 4.75, 15);
    // signs: hit, miss (prediction 0 calls no direction), hit, hit
    expect(m.directional_accuracy).toBe(0.75);
  });

  it("leaves rows with a zero actual out of the directional accuracy", () => {
    expect(regressionMetrics([0, 0, 1, -1], [1, -1, 1, 1]).directional_accuracy).toBe(0.5);
    expect(regressionMetrics([0, 0], [1, 1]).directional_accuracy).toBe(0);
  });

  it("accepts a constant prediction for the naive baselines", () => {
    const a = [0.01, -0.02, 0.03];
    expect(regressionMetrics(a, 0)).toEqual(regressionMetrics(a, [0, 0, 0]));
    expect(regressionMetrics(a, 0).directional_accuracy).toBe(0);
    expect(regressionMetrics(a, 0.001).directional_accuracy).toBeCloseTo(2 / 3, 15);
  });

  it("defines R² for constant actual values without dividing by zero", () => {
    expect(regressionMetrics([2, 2], [2, 2]).r2).toBe(1);
    expect(regressionMetrics([2, 2], [1, 3]).r2).toBe(0);
  });
});

describe("aggregateMetrics", () => {
  it("averages folds and reports the sample standard deviation", () => {
    const f = (rmse: number) => ({
      rmse,
      mae: rmse / 2,
      r2: 0.25,
      directional_accuracy: 0.5,
      n: 10,
    });
    const { mean, std } = aggregateMetrics([f(1), f(2), f(3)]);
    expect(mean.rmse).toBe(2);
    expect(std.rmse).toBe(1);
    expect(mean.mae).toBe(1);
    expect(std.r2).toBe(0);
    expect(mean.n).toBe(10);
    expect(aggregateMetrics([f(4)]).std.rmse).toBe(0);
  });
});
