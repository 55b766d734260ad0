import { describe, expect, it } from "vitest";
import { buildDataset } from "./build";
import { embargoFor } from "./embargo";
import { walkForwardFolds } from "./folds";

function candles(n: number, start = Date.UTC(2024, 0, 1)) {
  return Array.from({ length: n }, (_, i) => ({
    timestamp: new Date(start + i * 86_400_000).toISOString(),
    close: 100 + Math.sin(i / 3) * 5 + i * 0.1,
  }));
}

describe("purged and embargoed walk-forward folds", () => {
  it("default embargo is the largest feature history plus the label horizon", () => {
    expect(embargoFor({ lookback: 20, features: ["close", "rolling_volatility"] })).toEqual({
      history: 20,
      label_horizon: 1,
      gap: 21,
      source: "auto",
    });
    expect(embargoFor({ lookback: 20, features: ["close"] }).gap).toBe(1);
    expect(embargoFor({ lookback: 7, features: ["moving_average"] }).gap).toBe(7);
  });

  it("with the default embargo no train row shares a candle with a test row, across symbols", () => {
    const spec = { lookback: 5, features: ["simple_return", "rolling_volatility"] } as const;
    const ds = buildDataset({ AAA: candles(120), BBB: candles(90, Date.UTC(2024, 0, 20)) }, spec);
    const { history, gap } = embargoFor(spec);
    const day = 86_400_000;
    for (const fold of walkForwardFolds(ds, { folds: 4, gap })) {
      // Candles a row reads: features from t − history to t, its label up to t + 1.
      const lastTrainCandle = ds.timestamps[fold.train.end - 1]! + day;
      const firstTestCandle = ds.timestamps[fold.test.start]! - history * day;
      expect(lastTrainCandle).toBeLessThan(firstTestCandle);
    }
  });
});
