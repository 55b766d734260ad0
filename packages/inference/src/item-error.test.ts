import { MarketDataError, MarketDataErrorCode } from "@mle/market-client";
import { describe, expect, it } from "vitest";
import { InferenceError, InferenceErrorCode } from "./errors";
import { toItemError } from "./item-error";

describe("toItemError", () => {
  it.each(Object.values(InferenceErrorCode))(
    "keeps the inference code %s and its message",
    (code) => {
      expect(toItemError(new InferenceError(code, "x"))).toEqual({ code, message: "x" });
    },
  );

  it.each(Object.values(MarketDataErrorCode))("keeps the market-data code %s", (code) => {
    expect(toItemError(new MarketDataError(code, "x"))).toEqual({ code, message: "x" });
  });

  it("hides anything else behind INTERNAL_ERROR", () => {
    const item = toItemError(new Error("secret /srv/path"));
    expect(item.code).toBe("INTERNAL_ERROR");
    expect(item.message).not.toContain("/srv");
  });
});
