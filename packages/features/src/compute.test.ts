import { describe, expect, it } from "vitest";
import { computeFeatures } from "./compute";
import { REFERENCE_NAMES as FEATURE_NAMES } from "./testing/reference";
import { mulberry32 } from "./testing/series";

function series(n: number, seed: number): number[] {
  const rnd = mulberry32(seed);
  const c = [100];
  for (let t = 1; t < n; t++) c.push(c[t - 1]! * (1 + (rnd() - 0.5) * 0.03));
  return c;
}

describe("computeFeatures", () => {
  it("returns the requested columns in order, starting at input index lookback for the defaults", () => {
    const t = computeFeatures(series(50, 1), { lookback: 10 });
    expect(t.columns).toEqual(["close", "simple_return", "moving_average", "rolling_volatility"]);
    expect(Object.keys(t.values)).toEqual(t.columns);
    expect(t.offset).toBe(10);
    expect(t.length).toBe(40);
    for (const name of t.columns) expect(t.values[name]).toHaveLength(40);
    expect(t.values.close[0]).toBe(series(50, 1)[10]);
  });

  it("returns only the requested columns", () => {
    const t = computeFeatures(series(30, 2), { lookback: 5, features: ["rsi", "close"] });
    expect(Object.keys(t.values)).toEqual(["rsi", "close"]);
    expect(t.offset).toBe(5);
  });

  it("returns empty columns, not zeros, when the series is shorter than the warm-up", () => {
    for (const n of [0, 1, 10]) {
      const t = computeFeatures(series(n, 3).slice(0, n), { lookback: 10 });
      expect(t.length).toBe(0);
      for (const name of t.columns) expect(t.values[name]).toHaveLength(0);
    }
    expect(computeFeatures(series(11, 3), { lookback: 10 }).length).toBe(1);
  });

  it("is deterministic: two runs give bit-identical columns", () => {
    const c = series(5000, 4);
    const a = computeFeatures(c, { lookback: 30, features: FEATURE_NAMES });
    const b = computeFeatures(c, { lookback: 30, features: FEATURE_NAMES });
    for (const name of FEATURE_NAMES) {
      const x = a.values[name];
      const y = b.values[name];
      expect(x.length).toBe(y.length);
      let differing = 0;
      for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) differing++;
      expect(differing).toBe(0);
    }
  });

  it("gives the same values for a plain array and a Float64Array, and never aliases the caller's array", () => {
    const c = series(100, 5);
    const typed = Float64Array.from(c);
    const a = computeFeatures(c, { lookback: 8, features: FEATURE_NAMES });
    const b = computeFeatures(typed, { lookback: 8, features: FEATURE_NAMES });
    for (const name of FEATURE_NAMES)
      expect(Array.from(b.values[name])).toEqual(Array.from(a.values[name]));
    b.values.close[0] = -1;
    expect(typed[b.offset]).toBe(c[b.offset]);
  });

  it("accepts the largest lookback and stays linear in the series length", () => {
    const c = series(30_000, 6);
    const t = computeFeatures(c, { lookback: 10_000 });
    expect(t.length).toBe(20_000);
    expect(Number.isFinite(t.values.rolling_volatility[19_999])).toBe(true);
  });
});
