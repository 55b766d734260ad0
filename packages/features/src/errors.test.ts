import { describe, expect, it } from "vitest";
import { FeatureError, FeatureErrorCode, isFeatureError } from "./errors";

describe("FeatureError", () => {
  it("carries a stable code, the offending index and field, and passes cause through", () => {
    const cause = new Error("root");
    const e = new FeatureError("INVALID_INPUT", "bad close", { index: 4, field: "close", cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("FeatureError");
    expect(e.code).toBe(FeatureErrorCode.INVALID_INPUT);
    expect(e.index).toBe(4);
    expect(e.field).toBe("close");
    expect(e.cause).toBe(cause);
  });

  it("is recognised by isFeatureError, also as a look-alike from another loaded copy", () => {
    expect(isFeatureError(new FeatureError("UNKNOWN_FEATURE", "x"))).toBe(true);
    const foreign = Object.assign(new Error("x"), {
      name: "FeatureError",
      code: "INVALID_LOOKBACK",
    });
    expect(isFeatureError(foreign)).toBe(true);
  });

  it("is not matched for other errors and values", () => {
    expect(isFeatureError(new Error("x"))).toBe(false);
    expect(isFeatureError({ name: "FeatureError" })).toBe(false);
    expect(isFeatureError(null)).toBe(false);
    expect(isFeatureError("FeatureError")).toBe(false);
  });

  it("lists every code once, each equal to its key", () => {
    for (const [key, value] of Object.entries(FeatureErrorCode)) expect(value).toBe(key);
  });
});
