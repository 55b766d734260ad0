import { describe, expect, it } from "vitest";
import { computeFeatures } from "./compute";
import { FeatureError } from "./errors";
import { featureSpecJSON, isValidatedSpec, validateFeatureSpec } from "./spec";

function errorOf(f: () => unknown): FeatureError {
  try {
    f();
  } catch (e) {
    if (e instanceof FeatureError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

describe("columns with their own parameters", () => {
  it("names each column by its feature and parameters, objects and names alike", () => {
    const spec = validateFeatureSpec([
      { feature: "moving_average", window: 5 },
      "moving_average_50",
      { feature: "rsi", window: 14 },
      "close",
    ]);
    expect(spec.features).toEqual(["moving_average_5", "moving_average_50", "rsi_14", "close"]);
    expect(spec.lookback).toBeUndefined();
    expect(spec.columns[1]).toEqual({
      name: "moving_average_50",
      feature: "moving_average",
      params: { window: 50 },
    });
  });

  it("keeps the v1 meaning of bare names: every window is the lookback, the name stays bare", () => {
    const spec = validateFeatureSpec({ lookback: 20, features: ["moving_average", "ema"] });
    expect(spec.features).toEqual(["moving_average", "ema"]);
    expect(spec.columns.map((c) => c.params)).toEqual([{ window: 20 }, { window: 20 }]);
  });

  it("computes a bare column under lookback w exactly like the named column with window w", () => {
    const c = Array.from({ length: 300 }, (_, i) => 100 + Math.sin(i / 7) * 5 + i * 0.01);
    const v1 = computeFeatures(c, { lookback: 12, features: ["moving_average", "zscore", "rsi"] });
    const v2 = computeFeatures(c, ["moving_average_12", "zscore_12", "rsi_12"]);
    expect(v2.offset).toBe(v1.offset);
    expect(Array.from(v2.values.moving_average_12)).toEqual(Array.from(v1.values.moving_average));
    expect(Array.from(v2.values.zscore_12)).toEqual(Array.from(v1.values.zscore));
    expect(Array.from(v2.values.rsi_12)).toEqual(Array.from(v1.values.rsi));
  });

  it("computes two windows of one feature in one table, the offset set by the longest", () => {
    const c = Array.from({ length: 100 }, (_, i) => 50 + (i % 9));
    const t = computeFeatures(c, ["moving_average_5", "moving_average_50", "rolling_volatility_5"]);
    expect(t.offset).toBe(49);
    expect(t.values.moving_average_5[0]).toBeCloseTo(
      (c[45]! + c[46]! + c[47]! + c[48]! + c[49]!) / 5,
      12,
    );
    const alone = computeFeatures(c, ["rolling_volatility_5"]);
    expect(Array.from(t.values.rolling_volatility_5)).toEqual(
      Array.from(alone.values.rolling_volatility_5.subarray(49 - 5)),
    );
  });

  it("rejects a parameter out of range, unknown or of the wrong count with INVALID_PARAMETER", () => {
    expect(errorOf(() => validateFeatureSpec(["moving_average_1"]))).toMatchObject({
      code: "INVALID_PARAMETER",
      index: 0,
      field: "features[0].window",
    });
    expect(errorOf(() => validateFeatureSpec(["moving_average_5_6"])).code).toBe(
      "INVALID_PARAMETER",
    );
    expect(
      errorOf(() => validateFeatureSpec([{ feature: "moving_average", window: 5, span: 2 }])),
    ).toMatchObject({ code: "INVALID_PARAMETER", field: "features[0].span" });
    expect(errorOf(() => validateFeatureSpec([{ feature: "ema", window: 2.5 }])).code).toBe(
      "INVALID_PARAMETER",
    );
    expect(errorOf(() => validateFeatureSpec(["close_3"])).code).toBe("INVALID_PARAMETER");
  });

  it("asks for a lookback when a bare windowed name has none, and rejects unknown names", () => {
    expect(errorOf(() => validateFeatureSpec(["moving_average"]))).toMatchObject({
      code: "INVALID_LOOKBACK",
      index: 0,
    });
    expect(errorOf(() => validateFeatureSpec([{ feature: "nope" }])).code).toBe("UNKNOWN_FEATURE");
    expect(errorOf(() => validateFeatureSpec(["moving_averages_5"])).code).toBe("UNKNOWN_FEATURE");
    expect(errorOf(() => validateFeatureSpec([42 as never])).code).toBe("INVALID_SPEC");
  });

  it("rejects two columns with one name, whatever form wrote them", () => {
    expect(
      errorOf(() =>
        validateFeatureSpec(["moving_average_5", { feature: "moving_average", window: 5 }]),
      ),
    ).toMatchObject({ code: "INVALID_SPEC", index: 1 });
  });

  it("brands the validated spec and returns it as is when validated again", () => {
    const spec = validateFeatureSpec({ lookback: 5 });
    expect(isValidatedSpec(spec)).toBe(true);
    expect(validateFeatureSpec(spec)).toBe(spec);
    expect(isValidatedSpec({ lookback: 5, features: spec.features, columns: spec.columns })).toBe(
      false,
    );
  });

  it("serialises to JSON that validates back to the same columns (v1 specs byte for byte)", () => {
    const v1 = { lookback: 20, features: ["close", "simple_return", "moving_average"] };
    expect(JSON.stringify(featureSpecJSON(validateFeatureSpec(v1)))).toBe(JSON.stringify(v1));
    const v2 = validateFeatureSpec([{ feature: "ema", window: 9 }, "rsi_14"]);
    const json = featureSpecJSON(v2);
    expect(json).toEqual({ features: ["ema_9", "rsi_14"] });
    expect(validateFeatureSpec(json).columns).toEqual(v2.columns);
  });
});
