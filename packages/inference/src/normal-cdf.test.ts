import { describe, expect, it } from "vitest";
import { normalCdf } from "./normal-cdf";

/** Independent reference: Simpson integration of the normal density from 0 to x, plus 0.5. */
function simpsonCdf(x: number): number {
  const n = 20_000;
  const h = x / n;
  const pdf = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let sum = pdf(0) + pdf(x);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * pdf(i * h);
  return 0.5 + (sum * h) / 3;
}

describe("normalCdf", () => {
  it("matches published values of the standard normal CDF to 1e-12", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 12);
    expect(normalCdf(2)).toBeCloseTo(0.9772498680518208, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300946, 12);
    expect(normalCdf(1.6448536269514722)).toBeCloseTo(0.95, 12);
  });

  it("agrees with numerical integration of the density across the range", () => {
    for (const x of [-6, -2.5, -1.3, -0.2, 0.4, 0.9, 1.7, 3.1, 5]) {
      expect(Math.abs(normalCdf(x) - simpsonCdf(x))).toBeLessThan(1e-12);
    }
  });

  it("is symmetric, monotone and bounded in [0, 1]", () => {
    let previous = 0;
    for (let x = -40; x <= 40; x += 0.25) {
      const p = normalCdf(x);
      expect(p).toBeGreaterThanOrEqual(previous);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(Math.abs(p + normalCdf(-x) - 1)).toBeLessThan(1e-14);
      previous = p;
    }
  });

  it("returns NaN for NaN", () => {
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});
