import { describe, expect, it } from "vitest";
import { publicBatchItem, toPublicError } from "./public-error";

describe("toPublicError", () => {
  it("adds the status from the one table and passes a safe message through, scrubbed", () => {
    expect(
      toPublicError({ code: "INSUFFICIENT_DATA", message: "need 21 at /srv/x/y.csv" }),
    ).toEqual({
      code: "INSUFFICIENT_DATA",
      message: "need 21 at <path>",
      status: 422,
    });
  });

  it("replaces a message that may name URLs or files with the fixed public one", () => {
    const out = toPublicError({
      code: "UPSTREAM_UNAVAILABLE",
      message: "GET http://10.0.0.7/candles",
    });
    expect(out).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", status: 503 });
    expect(out.message).not.toContain("10.0.0.7");
  });

  it("turns a code the API does not know into 500 INTERNAL_ERROR", () => {
    expect(toPublicError({ code: "CONFIG_ERROR", message: "MARKET_DATA_BASE_URL=secret" })).toEqual(
      {
        code: "INTERNAL_ERROR",
        message: "Internal server error.",
        status: 500,
      },
    );
  });
});

describe("publicBatchItem", () => {
  it("keeps a result and gives a failed item its status on GET /predict", () => {
    const ok = { symbol: "AAPL", ok: true as const, result: 1 };
    expect(publicBatchItem(ok)).toBe(ok);
    const bad = {
      symbol: "X",
      ok: false as const,
      error: { code: "INSUFFICIENT_DATA", message: "short" },
    };
    expect(publicBatchItem(bad)).toEqual({
      symbol: "X",
      ok: false,
      error: { code: "INSUFFICIENT_DATA", message: "short", status: 422 },
    });
  });
});
