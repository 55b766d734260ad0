/**
 * Every statistic against scripts/make-fixtures.py (numpy / scipy), to 1e-10: each number must
 * satisfy |ours − reference| <= 1e-10 · max(1, |reference|). A degenerate case must come back
 * not defined with the reference's reason.
 */
import { describe, expect, it } from "vitest";
import { binomialBand } from "./binomial-band";
import { calibrationBuckets } from "./calibration";
import { christoffersenIndependence } from "./christoffersen";
import { clarkWest } from "./clark-west";
import { splitConformalQuantile } from "./conformal";
import { dieboldMariano } from "./diebold-mariano";
import { empiricalCoverage, intervalMisses, winklerScore } from "./interval";
import { kupiecPof } from "./kupiec";
import { outOfSampleR2 } from "./oos-r2";
import { pesaranTimmermann } from "./pesaran-timmermann";
import fixture from "./reference.fixture.json";
import { regularizedIncompleteBeta } from "./special/beta";
import {
  binomialCdf,
  chiSquareSf,
  normalCdf,
  normalSf,
  studentTCdf,
  studentTSf,
} from "./special/distributions";
import { logGamma, regularizedGammaP, regularizedGammaQ } from "./special/gamma";

const TOLERANCE = 1e-10;

function close(actual: number, expected: number, what: string): void {
  const err = Math.abs(actual - expected);
  if (!(err <= TOLERANCE * Math.max(1, Math.abs(expected)))) {
    throw new Error(`${what}: got ${actual}, reference ${expected} (difference ${err})`);
  }
}

/** Deep comparison: numbers within tolerance, everything else (reasons, counts, nulls) equal. */
function matches(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === "number") {
    expect(typeof actual, path).toBe("number");
    close(actual as number, expected, path);
    return;
  }
  if (expected === null || typeof expected !== "object") {
    expect(actual, path).toEqual(expected);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual) || ArrayBuffer.isView(actual), path).toBe(true);
    const list = Array.from(actual as ArrayLike<unknown>);
    expect(list.length, path).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) matches(list[i], expected[i], `${path}[${i}]`);
    return;
  }
  for (const [key, value] of Object.entries(expected)) {
    matches((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  }
}

describe("forecast comparison statistics match numpy/scipy", () => {
  for (const c of fixture.forecast) {
    it(`${c.name}: out-of-sample R², Diebold–Mariano and Clark–West against both baselines`, () => {
      for (const which of ["zero", "mean"] as const) {
        const base = which === "zero" ? 0 : c.baseline_mean;
        const e = c.expected[which];
        const at = `${c.name}.${which}`;
        matches(outOfSampleR2(c.actual, c.predicted, base), e.oos_r2, `${at}.oos_r2`);
        matches(
          dieboldMariano(c.actual, c.predicted, base, { loss: "squared" }),
          e.dm_squared,
          `${at}.dm_squared`,
        );
        matches(
          dieboldMariano(c.actual, c.predicted, base, { loss: "absolute" }),
          e.dm_absolute,
          `${at}.dm_absolute`,
        );
        matches(clarkWest(c.actual, c.predicted, base), e.cw, `${at}.cw`);
        matches(clarkWest(c.actual, c.predicted, base, { lag: 0 }), e.cw_lag0, `${at}.cw_lag0`);
      }
    });
    it(`${c.name}: Pesaran–Timmermann`, () => {
      matches(pesaranTimmermann(c.actual, c.predicted), c.expected.pt, `${c.name}.pt`);
    });
  }
});

describe("interval statistics match numpy/scipy", () => {
  for (const c of fixture.interval) {
    it(`${c.name}: coverage, Winkler score, Kupiec and Christoffersen`, () => {
      const misses = intervalMisses(c.actual, c.lower, c.upper);
      expect(Array.from(misses)).toEqual(c.expected.misses);
      matches(empiricalCoverage(c.actual, c.lower, c.upper), c.expected.coverage, "coverage");
      matches(winklerScore(c.actual, c.lower, c.upper, c.level), c.expected.winkler, "winkler");
      matches(kupiecPof(misses, c.level), c.expected.kupiec, "kupiec");
      matches(christoffersenIndependence(misses), c.expected.christoffersen, "christoffersen");
    });
  }
  for (const c of fixture.misses) {
    it(`miss sequence "${c.name}": Kupiec and Christoffersen`, () => {
      matches(kupiecPof(c.misses, c.level), c.kupiec, `${c.name}.kupiec`);
      matches(christoffersenIndependence(c.misses), c.christoffersen, `${c.name}.christoffersen`);
    });
  }
});

describe("split-conformal quantile and calibration match numpy", () => {
  it("picks numpy's inverted-cdf order statistic for every size and level, not defined below the minimum", () => {
    for (const c of fixture.conformal) {
      matches(
        splitConformalQuantile(c.scores, c.level),
        c.expected,
        `conformal n=${c.scores.length} level=${c.level}`,
      );
    }
  });
  it("buckets probabilities, ECE and Brier score as numpy does, including bucket edges", () => {
    for (const c of fixture.calibration) {
      const got = calibrationBuckets(c.probabilities, c.outcomes, {
        buckets: c.buckets,
        min: c.min,
        max: c.max,
      });
      matches(got, c.expected, "calibration");
    }
  });
});

describe("distribution functions match scipy", () => {
  const d = fixture.distributions;
  it("Student's t tails and CDF (scipy.stats.t)", () => {
    for (const c of d.student_t) {
      close(studentTSf(c.t, c.df), c.sf, `t.sf(${c.t}, ${c.df})`);
      close(studentTCdf(c.t, c.df), c.cdf, `t.cdf(${c.t}, ${c.df})`);
    }
  });
  it("the normal tail keeps relative precision far out (scipy.stats.norm)", () => {
    for (const c of d.normal) {
      close(normalSf(c.z), c.sf, `norm.sf(${c.z})`);
      close(normalCdf(c.z), c.cdf, `norm.cdf(${c.z})`);
      if (c.sf > 0) expect(Math.abs(normalSf(c.z) / c.sf - 1)).toBeLessThan(1e-10);
    }
  });
  it("chi-square tails (scipy.stats.chi2)", () => {
    for (const c of d.chi2) close(chiSquareSf(c.x, c.df), c.sf, `chi2.sf(${c.x}, ${c.df})`);
  });
  it("regularized incomplete beta (scipy.special.betainc), gamma functions and ln Γ", () => {
    for (const c of d.beta)
      close(regularizedIncompleteBeta(c.x, c.a, c.b), c.value, `betainc(${c.a}, ${c.b}, ${c.x})`);
    for (const c of d.gamma) {
      close(regularizedGammaQ(c.a, c.x), c.q, `gammaincc(${c.a}, ${c.x})`);
      close(regularizedGammaP(c.a, c.x), c.p, `gammainc(${c.a}, ${c.x})`);
    }
    for (const c of d.log_gamma) close(logGamma(c.x), c.value, `gammaln(${c.x})`);
  });
  it("binomial CDF and the central band (scipy.stats.binom.interval)", () => {
    for (const c of d.binomial_cdf)
      close(binomialCdf(c.k, c.n, c.p), c.value, `binom.cdf(${c.k}, ${c.n}, ${c.p})`);
    for (const c of d.binomial_band) {
      const band = binomialBand(c.n, c.p, c.confidence);
      expect([band.lower, band.upper], `binom.interval(${c.confidence}, ${c.n}, ${c.p})`).toEqual([
        c.lower,
        c.upper,
      ]);
    }
  });
});
