import { describe, expect, it } from "vitest";
import { binomialBand } from "./binomial-band";
import { splitConformalQuantile } from "./conformal";
import { dieboldMariano } from "./diebold-mariano";
import { intervalMisses } from "./interval";
import { kupiecPof } from "./kupiec";

/** Small seeded generator (mulberry32) and Box–Muller normals, so the data is fixed. */
function normals(seed: number, n: number): Float64Array {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return out;
}

describe("statistical properties", () => {
  it("Diebold–Mariano is antisymmetric in the two forecasts", () => {
    const y = normals(1, 80);
    const a = normals(2, 80).map((v, i) => 0.5 * y[i]! + 0.3 * v);
    const b = normals(3, 80).map((v) => 0.2 * v);
    const ab = dieboldMariano(y, a, b);
    const ba = dieboldMariano(y, b, a);
    if (!ab.defined || !ba.defined) throw new Error("expected defined results");
    expect(ab.statistic).toBeCloseTo(-ba.statistic, 12);
    expect(ab.p_value).toBeCloseTo(ba.p_value, 12);
    expect(ab.p_value_less + ba.p_value_less).toBeCloseTo(1, 12);
  });

  it("a split-conformal 90 % interval on exchangeable data covers inside the binomial 99 % band", () => {
    const calibration = normals(10, 400).map(Math.abs);
    const q = splitConformalQuantile(calibration, 0.9);
    if (!q.defined) throw new Error("expected a quantile");
    const test = normals(11, 2000);
    const misses = intervalMisses(
      test,
      new Float64Array(2000).fill(-q.quantile),
      new Float64Array(2000).fill(q.quantile),
    );
    const covered = 2000 - misses.reduce((s, m) => s + m, 0);
    const band = binomialBand(2000, 0.9, 0.99);
    expect(covered).toBeGreaterThanOrEqual(band.lower);
    expect(covered).toBeLessThanOrEqual(band.upper);
    const pof = kupiecPof(misses, 0.9);
    expect(pof.defined && pof.p_value > 0.01).toBe(true);
  });
});
