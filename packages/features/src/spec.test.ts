import { describe, expect, it } from "vitest";
import { FeatureError } from "./errors";
import { DEFAULT_FEATURES } from "./names";
import { MAX_LOOKBACK, MIN_LOOKBACK, validateFeatureSpec, warmupLength } from "./spec";

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof FeatureError ? e.code : "not a FeatureError";
  }
  return undefined;
}

describe("validateFeatureSpec", () => {
  it("accepts lookbacks from 2 to 10000 and defaults features to the four default columns", () => {
    expect(validateFeatureSpec({ lookback: MIN_LOOKBACK }).features).toEqual(DEFAULT_FEATURES);
    const spec = validateFeatureSpec({ lookback: MAX_LOOKBACK, features: ["rsi"] });
    expect(spec.lookback).toBe(10_000);
    expect(spec.features).toEqual(["rsi"]);
    expect(spec.columns).toEqual([{ name: "rsi", feature: "rsi", params: { window: 10_000 } }]);
  });

  it("rejects a lookback that is not an integer in range with INVALID_LOOKBACK", () => {
    for (const lookback of [1, 0, -5, 10_001, 2.5, Number.NaN, Number.POSITIVE_INFINITY, "20"]) {
      expect(codeOf(() => validateFeatureSpec({ lookback } as never))).toBe("INVALID_LOOKBACK");
    }
  });

  it("rejects an unknown feature with UNKNOWN_FEATURE naming it and its position", () => {
    try {
      validateFeatureSpec({ lookback: 5, features: ["close", "macd_line"] });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "UNKNOWN_FEATURE", index: 1, field: "features" });
      expect((e as Error).message).toContain('"macd_line"');
    }
  });

  it("rejects a non-object spec, an empty feature list and duplicates with INVALID_SPEC", () => {
    expect(codeOf(() => validateFeatureSpec(null as never))).toBe("INVALID_SPEC");
    expect(codeOf(() => validateFeatureSpec({ lookback: 5, features: [] }))).toBe("INVALID_SPEC");
    expect(codeOf(() => validateFeatureSpec({ lookback: 5, features: ["ema", "ema"] }))).toBe(
      "INVALID_SPEC",
    );
  });

  it("returns a frozen copy the caller cannot change afterwards", () => {
    const features = ["close", "ema"];
    const spec = validateFeatureSpec({ lookback: 4, features });
    features.push("rsi");
    expect(spec.features).toEqual(["close", "ema"]);
    expect(Object.isFrozen(spec) && Object.isFrozen(spec.features)).toBe(true);
  });
});

describe("warmupLength", () => {
  it("is the first index where every requested feature is defined", () => {
    expect(warmupLength({ lookback: 20, features: ["close"] })).toBe(0);
    expect(warmupLength({ lookback: 20, features: ["close", "log_return"] })).toBe(1);
    expect(warmupLength({ lookback: 20, features: ["moving_average", "ema", "zscore"] })).toBe(19);
    expect(warmupLength({ lookback: 20, features: ["rsi"] })).toBe(20);
  });

  it("equals the lookback for the default features", () => {
    expect(warmupLength({ lookback: 20, features: DEFAULT_FEATURES })).toBe(20);
    expect(warmupLength({ lookback: 7 })).toBe(7);
  });
});
