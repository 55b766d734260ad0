import { describe, expect, it } from "vitest";
import {
  ConfigError,
  InsufficientDataError,
  isMarketDataError,
  MarketDataError,
  SymbolNotFoundError,
  UpstreamUnavailableError,
} from "./errors";

describe("MarketDataError", () => {
  it("carries a stable code, a subclass name and the cause", () => {
    const cause = new Error("socket hang up");
    const err = new UpstreamUnavailableError("down", { attempts: 4, status: 503 }, { cause });
    expect(err).toBeInstanceOf(MarketDataError);
    expect(err.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(err.name).toBe("UpstreamUnavailableError");
    expect(err.cause).toBe(cause);
    expect(err.attempts).toBe(4);
  });

  it("is recognised by the guard, also as a plain object from another loaded copy", () => {
    expect(isMarketDataError(new SymbolNotFoundError("AAPL"))).toBe(true);
    expect(isMarketDataError(new InsufficientDataError("AAPL", 10, 2), "INSUFFICIENT_DATA")).toBe(
      true,
    );
    expect(isMarketDataError(new ConfigError("X", "bad"), "SYMBOL_NOT_FOUND")).toBe(false);
    const foreign = Object.assign(new Error("x"), {
      name: "SymbolNotFoundError",
      code: "SYMBOL_NOT_FOUND",
    });
    expect(isMarketDataError(foreign, "SYMBOL_NOT_FOUND")).toBe(true);
    expect(isMarketDataError(Object.assign(new Error("x"), { code: "SYMBOL_NOT_FOUND" }))).toBe(
      false,
    );
    expect(isMarketDataError({ name: "MarketDataError", code: "NOPE" })).toBe(false);
    expect(isMarketDataError(null)).toBe(false);
  });
});
