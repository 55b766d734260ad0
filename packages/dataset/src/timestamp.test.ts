import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTimestamp, parseTimestamp } from "./timestamp";

describe("parseTimestamp", () => {
  it("agrees with Date.parse on canonical ISO strings across four centuries", () => {
    const min = Date.UTC(1900, 0, 1);
    const max = Date.UTC(2300, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseTimestamp(iso)).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it("returns NaN for impossible dates and garbage", () => {
    expect(parseTimestamp("2023-02-29T00:00:00.000Z")).toBeNaN();
    expect(parseTimestamp("2024-13-01T00:00:00.000Z")).toBeNaN();
    expect(parseTimestamp("2024-01-01T24:00:00.000Z")).toBeNaN();
    expect(parseTimestamp("2024-0a-01T00:00:00.000Z")).toBeNaN();
    expect(parseTimestamp("yesterday")).toBeNaN();
  });

  it("accepts a leap day and other ISO forms through Date.parse", () => {
    expect(parseTimestamp("2024-02-29T00:00:00.000Z")).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp("2024-01-02")).toBe(Date.UTC(2024, 0, 2));
    expect(parseTimestamp("2024-01-02T01:00:00+01:00")).toBe(Date.UTC(2024, 0, 2));
  });

  it("round-trips through formatTimestamp", () => {
    expect(formatTimestamp(parseTimestamp("2025-12-31T23:59:59.999Z"))).toBe(
      "2025-12-31T23:59:59.999Z",
    );
  });
});
