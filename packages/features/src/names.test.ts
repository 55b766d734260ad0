import { describe, expect, it } from "vitest";
import { DEFAULT_FEATURES, FEATURE_NAMES, isFeatureName } from "./names";
import { FEATURE_DEFINITIONS } from "./feature-definitions";

describe("feature names", () => {
  it("has one definition per name, each carrying its own name", () => {
    expect(Object.keys(FEATURE_DEFINITIONS).sort()).toEqual([...FEATURE_NAMES].sort());
    for (const name of FEATURE_NAMES) expect(FEATURE_DEFINITIONS[name].name).toBe(name);
  });

  it("defaults to the four default columns in API order", () => {
    expect(DEFAULT_FEATURES).toEqual([
      "close",
      "simple_return",
      "moving_average",
      "rolling_volatility",
    ]);
  });

  it("recognises known names only", () => {
    expect(isFeatureName("zscore")).toBe(true);
    expect(isFeatureName("macd")).toBe(true);
    expect(isFeatureName("macd_line")).toBe(false);
    expect(isFeatureName("toString")).toBe(false);
  });
});
