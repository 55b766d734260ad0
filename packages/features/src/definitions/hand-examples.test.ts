import { describe, expect, it } from "vitest";
import { computeFeatures } from "../compute";
import type { FeatureName } from "../names";

// closes 100 → 110 (+10%) → 99 (−10%) → 99 (flat) → 108.9 (+10%); every value below is worked out
// by hand in the comment beside it.
const closes = [100, 110, 99, 99, 108.9];

function column(name: FeatureName, lookback: number): number[] {
  const t = computeFeatures(closes, { lookback, features: [name] });
  return Array.from(t.values[name]);
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i]!, 12);
  });
}

describe("hand-computed feature values", () => {
  it("close is the input from the first row", () => {
    expect(column("close", 3)).toEqual(closes);
  });

  it("simple_return is close[t]/close[t-1] - 1 from the second row", () => {
    expectClose(column("simple_return", 3), [0.1, -0.1, 0, 0.1]);
  });

  it("log_return is ln(close[t]/close[t-1])", () => {
    expectClose(column("log_return", 3), [Math.log(1.1), Math.log(0.9), 0, Math.log(1.1)]);
  });

  it("moving_average is the mean of the last w closes", () => {
    // (100+110+99)/3, (110+99+99)/3, (99+99+108.9)/3
    expectClose(column("moving_average", 3), [103, 308 / 3, 102.3]);
  });

  it("rolling_volatility is the sample std (ddof 1) of the last w returns", () => {
    // w=2: {0.1,-0.1} → √0.02; {-0.1,0} → √0.005; {0,0.1} → √0.005
    expectClose(column("rolling_volatility", 2), [
      Math.sqrt(0.02),
      Math.sqrt(0.005),
      Math.sqrt(0.005),
    ]);
    // w=3: {0.1,-0.1,0} and {-0.1,0,0.1}: mean 0, Σd² = 0.02, /2 → std 0.1
    expectClose(column("rolling_volatility", 3), [0.1, 0.1]);
  });

  it("ema is seeded with the SMA of the first w closes, then alpha = 2/(w+1)", () => {
    // w=3, alpha 0.5: seed 103; 103 + 0.5(99-103) = 101; 101 + 0.5(108.9-101) = 104.95
    expectClose(column("ema", 3), [103, 101, 104.95]);
  });

  it("rsi uses Wilder averages of gains and losses", () => {
    // changes +10, −11, 0, +9.9; w=2: G=5, L=5.5 → 100·5/10.5; G=2.5, L=2.75 → same;
    // G=(2.5+9.9)/2=6.2, L=2.75/2=1.375 → 100·6.2/7.575
    expectClose(column("rsi", 2), [(100 * 5) / 10.5, (100 * 2.5) / 5.25, (100 * 6.2) / 7.575]);
  });

  it("rsi is 100 with only gains and 50 when the price never moves", () => {
    expect(
      Array.from(computeFeatures([1, 2, 3, 4], { lookback: 2, features: ["rsi"] }).values.rsi),
    ).toEqual([100, 100]);
    expect(
      Array.from(computeFeatures([5, 5, 5, 5], { lookback: 2, features: ["rsi"] }).values.rsi),
    ).toEqual([50, 50]);
  });

  it("zscore is (close - mean) / sample std of the last w closes", () => {
    // [100,110,99]: mean 103, var 74/2 → −4/√37; [110,99,99]: −1/√3; [99,99,108.9]: 2/√3
    expectClose(column("zscore", 3), [-4 / Math.sqrt(37), -1 / Math.sqrt(3), 2 / Math.sqrt(3)]);
  });

  it("zscore is exactly 0 on a constant window", () => {
    const z = computeFeatures([7.1, 7.1, 7.1, 7.1], { lookback: 3, features: ["zscore"] });
    expect(Array.from(z.values.zscore).every((v) => Object.is(v, 0))).toBe(true);
  });
});
