import { describe, expect, it } from "vitest";
import { calibrationBuckets } from "./calibration";
import { clarkWest } from "./clark-west";
import { splitConformalQuantile } from "./conformal";
import { dieboldMariano } from "./diebold-mariano";
import { EvaluationError, isEvaluationError } from "./errors";
import { winklerScore } from "./interval";
import { kupiecPof } from "./kupiec";
import { studentTSf } from "./special/distributions";

function codeOf(fn: () => unknown): [string, string | undefined] {
  try {
    fn();
  } catch (e) {
    if (isEvaluationError(e)) return [e.code, e.path];
    throw e;
  }
  throw new Error("did not throw");
}

describe("caller mistakes are EvaluationErrors with a code and the argument at fault", () => {
  it("rejects series of different lengths and non-finite values as INVALID_INPUT", () => {
    expect(codeOf(() => dieboldMariano([0.1, 0.2], [0.1], 0))).toEqual([
      "INVALID_INPUT",
      "predicted",
    ]);
    expect(codeOf(() => dieboldMariano([0.1], [0.2], [0.1, 0.3]))).toEqual([
      "INVALID_INPUT",
      "baseline",
    ]);
    expect(codeOf(() => clarkWest([0.1, Number.NaN], [0, 0], 0))).toEqual([
      "INVALID_INPUT",
      "actual",
    ]);
    expect(codeOf(() => clarkWest([0.1, 0.2], [0, 0], Number.POSITIVE_INFINITY))).toEqual([
      "INVALID_INPUT",
      "baseline",
    ]);
    expect(codeOf(() => winklerScore([0], [1], [0], 0.9))).toEqual(["INVALID_INPUT", "lower"]);
    expect(codeOf(() => calibrationBuckets([1.2], [1]))).toEqual([
      "INVALID_INPUT",
      "probabilities",
    ]);
  });

  it("rejects out-of-range options as INVALID_OPTIONS", () => {
    expect(codeOf(() => kupiecPof([0, 1], 1))).toEqual(["INVALID_OPTIONS", "level"]);
    expect(codeOf(() => splitConformalQuantile([1, 2], 0))).toEqual(["INVALID_OPTIONS", "level"]);
    expect(codeOf(() => clarkWest([0.1, 0.2], [0, 0.1], 0, { lag: -1 }))).toEqual([
      "INVALID_OPTIONS",
      "lag",
    ]);
    expect(codeOf(() => calibrationBuckets([0.5], [1], { buckets: 0 }))).toEqual([
      "INVALID_OPTIONS",
      "buckets",
    ]);
    expect(
      codeOf(() => dieboldMariano([0.1, 0.2], [0, 0], 0, { loss: "huber" as "squared" })),
    ).toEqual(["INVALID_OPTIONS", "loss"]);
    expect(codeOf(() => studentTSf(1, 0))).toEqual(["INVALID_OPTIONS", "df"]);
  });

  it("recognises an error from another loaded copy by name and code", () => {
    const foreign = Object.assign(new Error("x"), {
      name: "EvaluationError",
      code: "INVALID_INPUT",
    });
    expect(isEvaluationError(foreign)).toBe(true);
    expect(isEvaluationError(new Error("x"))).toBe(false);
    expect(new EvaluationError("INVALID_INPUT", "m", { cause: 1 }).cause).toBe(1);
  });
});
