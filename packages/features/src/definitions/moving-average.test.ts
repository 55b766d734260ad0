import { describe, expect, it } from "vitest";
import { computeFeatures } from "../compute";
import { close } from "../testing/reference";
import { mulberry32 } from "../testing/series";
import fixture from "./numpy-fixture.json";

const ma = (c: ArrayLike<number>, lookback: number) =>
  computeFeatures(c, { lookback, features: ["moving_average"] }).values.moving_average;

function meanOf(c: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let j = from; j <= to; j++) s += c[j]!;
  return s / (to - from + 1);
}

describe("moving_average", () => {
  it("matches numpy's np.mean window by window (fixture from scripts/make-fixture.py)", () => {
    for (const { lookback, closes, moving_average } of fixture.cases) {
      const got = ma(closes, lookback);
      expect(got.length).toBe(moving_average.length);
      moving_average.forEach((expected, i) => {
        expect(close(got[i]!, expected, 1e-12)).toBe(true);
      });
    }
  });

  it("equals the constant on a constant series", () => {
    const got = ma(new Array(3000).fill(64.5), 16);
    expect(got.every((v) => v === 64.5)).toBe(true);
  });

  it("stays within 1e-12 relative of a fresh window sum at the end of a 1,000,000-candle series near 1e6", () => {
    const n = 1_000_000;
    const c = new Float64Array(n);
    const rnd = mulberry32(5);
    c[0] = 1_000_000;
    for (let t = 1; t < n; t++) c[t] = c[t - 1]! + 0.01 + (rnd() - 0.5) * 3;
    const w = 50;
    const got = ma(c, w);
    for (let t = n - 200; t < n; t++) {
      expect(close(got[t - (w - 1)]!, meanOf(c, t - w + 1, t), 1e-12, 0)).toBe(true);
    }
  });
});
