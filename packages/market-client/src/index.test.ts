import { describe, expect, it } from "vitest";
import * as api from "./index";
import * as testing from "./testing";

describe("the public surface", () => {
  it("exports every name docs/architecture.md promises", () => {
    for (const name of [
      "SYMBOL_PATTERN",
      "normalizeSymbol",
      "createSampleSource",
      "createCsvSource",
      "createHttpSource",
      "createMarketDataSource",
      "marketDataEnvSchema",
      "loadMarketDataConfig",
      "normalizeCandles",
      "requireCandles",
      "MarketDataError",
      "isMarketDataError",
      "candleSchema",
      "MARKET_DATA_ENV_DOCS",
    ]) {
      expect(api, name).toHaveProperty(name);
    }
  });

  it("keeps the reference upstream and its fault injection on the testing subpath only", () => {
    for (const name of ["startReferenceUpstream", "validateFaults", "MAX_UPSTREAM_LIMIT"]) {
      expect(testing, name).toHaveProperty(name);
      expect(api, name).not.toHaveProperty(name);
    }
  });

  it("lists exactly the seven documented error codes", () => {
    expect(Object.keys(api.MarketDataErrorCode).sort()).toEqual([
      "CONFIG_ERROR",
      "INSUFFICIENT_DATA",
      "INVALID_SYMBOL",
      "SYMBOL_NOT_FOUND",
      "UPSTREAM_BAD_RESPONSE",
      "UPSTREAM_TIMEOUT",
      "UPSTREAM_UNAVAILABLE",
    ]);
  });
});
