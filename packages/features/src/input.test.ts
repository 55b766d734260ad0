import { describe, expect, it } from "vitest";
import { computeFeatures } from "./compute";
import { toCloses } from "./input";

function errorOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("close validation", () => {
  it("rejects a non-finite or non-positive close with INVALID_INPUT and its index", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, -0]) {
      for (const input of [[1, 2, bad, 3], new Float64Array([1, 2, bad, 3])]) {
        expect(errorOf(() => toCloses(input))).toMatchObject({
          name: "FeatureError",
          code: "INVALID_INPUT",
          index: 2,
          field: "close",
        });
      }
    }
  });

  it("rejects values that are not numbers and inputs that are not arrays", () => {
    expect(errorOf(() => toCloses([1, "2" as never]))).toMatchObject({
      code: "INVALID_INPUT",
      index: 1,
    });
    expect(errorOf(() => toCloses(null as never))).toMatchObject({ code: "INVALID_INPUT" });
    expect(errorOf(() => toCloses(42 as never))).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("reports the error before computing anything", () => {
    expect(errorOf(() => computeFeatures([100, 101, Number.NaN], { lookback: 2 }))).toMatchObject({
      code: "INVALID_INPUT",
      index: 2,
    });
  });

  it("uses a valid Float64Array as is and copies plain arrays", () => {
    const typed = new Float64Array([1, 2, 3]);
    expect(toCloses(typed)).toBe(typed);
    expect(Array.from(toCloses([1, 2, 3]))).toEqual([1, 2, 3]);
  });
});
