import { describe, expect, it } from "vitest";
import { computeFeatures } from "../compute";
import { createFeatureStream } from "../stream";
import { close, sampleStd } from "../testing/reference";
import { mulberry32 } from "../testing/series";
import fixture from "./numpy-fixture.json";

const vol = (c: ArrayLike<number>, lookback: number) =>
  computeFeatures(c, { lookback, features: ["rolling_volatility"] }).values.rolling_volatility;

/** Two-pass reference at input index t: sample std of the returns t-w+1..t. */
function referenceAt(c: ArrayLike<number>, w: number, t: number): number {
  const r: number[] = [];
  for (let j = t - w + 1; j <= t; j++) r.push(c[j]! / c[j - 1]! - 1);
  return sampleStd(r);
}

describe("rolling_volatility", () => {
  it("matches numpy's np.std(ddof=1) window by window (fixture from scripts/make-fixture.py)", () => {
    for (const { lookback, closes, rolling_volatility } of fixture.cases) {
      const got = vol(closes, lookback);
      expect(got.length).toBe(rolling_volatility.length);
      rolling_volatility.forEach((expected, i) => {
        if (!close(got[i]!, expected, 1e-9, 1e-15)) {
          throw new Error(`w=${lookback} row ${i}: ${got[i]} vs numpy ${expected}`);
        }
      });
    }
  });

  it("is exactly 0 on a constant series", () => {
    const got = vol(new Array(500).fill(123.456), 20);
    expect(got.length).toBe(480);
    expect(got.every((v) => Object.is(v, 0))).toBe(true);
  });

  it("returns to exactly 0 once the window holds only a flat stretch after moves", () => {
    const rnd = mulberry32(3);
    const c: number[] = [100];
    for (let t = 1; t < 300; t++)
      c.push(t < 150 ? c[t - 1]! * (1 + (rnd() - 0.5) * 0.04) : c[t - 1]!);
    const w = 10;
    const got = vol(c, w);
    // input index t ≥ 150 + w - 1 has only zero returns in its window
    for (let t = 150 + w - 1; t < 300; t++) expect(Object.is(got[t - w], 0)).toBe(true);
    expect(got[149 - w]).toBeGreaterThan(0);
  });

  it("is never NaN or negative, even for returns that are equal up to rounding", () => {
    const c = [1];
    for (let t = 1; t < 2000; t++) c.push(c[t - 1]! * 1.001); // returns equal to within 1 ulp
    const got = vol(c, 5);
    expect(got.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
    expect(Math.max(...got)).toBeLessThan(1e-12);
  });

  it("agrees with the two-pass reference to 1e-9 relative for prices near 1e6 with tiny moves", () => {
    const rnd = mulberry32(7);
    const c = [1_000_000];
    for (let t = 1; t < 5000; t++) c.push(c[t - 1]! + (rnd() - 0.5) * 0.002);
    for (const w of [2, 20, 500]) {
      const got = vol(c, w);
      for (let t = w; t < c.length; t += 7) {
        const ref = referenceAt(c, w, t);
        if (!close(got[t - w]!, ref, 1e-9, 0))
          throw new Error(`w=${w} t=${t}: ${got[t - w]} vs ${ref}`);
      }
    }
  });

  it("stays within 1e-9 relative of the two-pass reference at the end of a 1,000,000-candle drifting series", () => {
    const n = 1_000_000;
    const c = new Float64Array(n);
    const rnd = mulberry32(11);
    c[0] = 50;
    // slow upward drift plus small noise: the running sums see a biased input for a million steps
    for (let t = 1; t < n; t++) c[t] = c[t - 1]! * (1 + 2e-6 + (rnd() - 0.5) * 1e-4);
    for (const w of [20, 250]) {
      const got = vol(c, w);
      for (let t = n - 300; t < n; t++) {
        const ref = referenceAt(c, w, t);
        if (!close(got[t - w]!, ref, 1e-9, 0))
          throw new Error(`w=${w} t=${t}: ${got[t - w]} vs ${ref}`);
      }
    }
  });

  it("gives the same values from the stream for the flat and near-1e6 cases", () => {
    const c = [1_000_000, 1_000_000.001, 999_999.999, 1_000_000, 1_000_000, 1_000_000, 1_000_000];
    const s = createFeatureStream({ lookback: 3, features: ["rolling_volatility"] });
    const out: number[] = [];
    for (const x of c) if (s.push(x)) out.push(s.latest()!.rolling_volatility);
    expect(out).toEqual(Array.from(vol(c, 3)));
    expect(Object.is(out[out.length - 1], 0)).toBe(true);
  });
});
