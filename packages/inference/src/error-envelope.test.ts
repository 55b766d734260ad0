import { MarketDataError, MarketDataErrorCode } from "@mle/market-client";
import { describe, expect, it } from "vitest";
import { ERROR_STATUS, toErrorEnvelope } from "./error-envelope";
import { InferenceError, InferenceErrorCode } from "./errors";

describe("ERROR_STATUS", () => {
  it.each(Object.values(InferenceErrorCode))("has a status for the inference code %s", (code) => {
    expect(ERROR_STATUS[code]).toBeTypeOf("number");
    expect(toErrorEnvelope(new InferenceError(code, "x")).status).toBe(ERROR_STATUS[code]);
  });

  it.each(Object.values(MarketDataErrorCode))(
    "has a status for the market-data code %s",
    (code) => {
      expect(ERROR_STATUS[code]).toBeTypeOf("number");
      expect(toErrorEnvelope(new MarketDataError(code, "x")).status).toBe(ERROR_STATUS[code]);
    },
  );

  it("maps the registry codes the way the HTTP API does", () => {
    expect(ERROR_STATUS.REGISTRY_IO).toBe(503);
    expect(ERROR_STATUS.INVALID_VERSION).toBe(422);
  });
});
