import { describe, expect, it } from "vitest";
import { calibrationBuckets } from "./calibration";
import { christoffersenIndependence } from "./christoffersen";
import { clarkWest } from "./clark-west";
import { splitConformalQuantile } from "./conformal";
import { dieboldMariano } from "./diebold-mariano";
import { empiricalCoverage, winklerScore } from "./interval";
import { kupiecPof } from "./kupiec";
import { outOfSampleR2 } from "./oos-r2";
import { pesaranTimmermann } from "./pesaran-timmermann";
import type { NotDefined } from "./result";

const flat = [0, 0, 0, 0, 0];

describe("degenerate data gives a clear not-defined result, never NaN", () => {
  const cases: Array<[string, () => { defined: boolean }, NotDefined["reason"]]> = [
    ["out-of-sample R² on no rows", () => outOfSampleR2([], [], 0), "TOO_SHORT"],
    [
      "out-of-sample R² against a perfect baseline",
      () => outOfSampleR2(flat, [1, 0, 0, 0, 0], 0),
      "ZERO_VARIANCE",
    ],
    ["Diebold–Mariano on one row", () => dieboldMariano([0.1], [0], 0), "TOO_SHORT"],
    [
      "Diebold–Mariano with a constant loss gap",
      () => dieboldMariano(flat, [1, 1, 1, 1, 1], 0),
      "ZERO_VARIANCE",
    ],
    [
      "Clark–West with identical forecasts",
      () => clarkWest([0.1, -0.2, 0.3], [0, 0, 0], 0),
      "ZERO_VARIANCE",
    ],
    [
      "Pesaran–Timmermann with flat outcomes",
      () => pesaranTimmermann(flat, [1, -1, 1, -1, 1]),
      "CONSTANT_SEQUENCE",
    ],
    ["Kupiec on no observations", () => kupiecPof([], 0.9), "TOO_SHORT"],
    [
      "Christoffersen with no misses",
      () => christoffersenIndependence([0, 0, 0]),
      "CONSTANT_SEQUENCE",
    ],
    ["coverage on no rows", () => empiricalCoverage([], [], []), "TOO_SHORT"],
    ["Winkler score on no rows", () => winklerScore([], [], [], 0.9), "TOO_SHORT"],
    [
      "a 90 % conformal quantile from 8 scores",
      () => splitConformalQuantile([1, 2, 3, 4, 5, 6, 7, 8], 0.9),
      "TOO_SHORT",
    ],
    ["calibration on no rows", () => calibrationBuckets([], []), "TOO_SHORT"],
  ];
  for (const [name, run, reason] of cases) {
    it(`${name}: ${reason}`, () => {
      const result = run() as NotDefined;
      expect(result).toMatchObject({ defined: false, reason });
      expect(result.message.length).toBeGreaterThan(10);
      // Survives JSON unchanged: no NaN or Infinity turning into null.
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
  }
});
