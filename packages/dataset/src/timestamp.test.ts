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

  it("accepts a leap day and other ISO forms", () => {
    expect(parseTimestamp("2024-02-29T00:00:00.000Z")).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp("2024-01-02")).toBe(Date.UTC(2024, 0, 2));
    expect(parseTimestamp("2024-01-02T01:00:00+01:00")).toBe(Date.UTC(2024, 0, 2));
  });

  it("reads a date-time without a zone and a bare date as UTC, whatever the machine's zone", () => {
    expect(parseTimestamp("2024-01-02T00:00:00")).toBe(Date.UTC(2024, 0, 2));
    expect(parseTimestamp("2024-01-02T03:04")).toBe(Date.UTC(2024, 0, 2, 3, 4));
    expect(parseTimestamp("2024-01-02 03:04:05.6789")).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
    expect(parseTimestamp("2024-01-02")).toBe(Date.UTC(2024, 0, 2));
  });

  it("applies offsets as given, with or without a colon", () => {
    expect(parseTimestamp("2024-01-02T00:00:00-05:00")).toBe(Date.UTC(2024, 0, 2, 5));
    expect(parseTimestamp("2024-01-02T05:30:00+0530")).toBe(Date.UTC(2024, 0, 2));
    expect(parseTimestamp("2024-01-02T09:00:00+09")).toBe(Date.UTC(2024, 0, 2));
  });

  it("agrees with Date.parse on zoned ISO date-times", () => {
    const min = Date.UTC(1900, 0, 1);
    const max = Date.UTC(2300, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min, max }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMin) => {
          const abs = Math.abs(offsetMin);
          const zone = `${offsetMin < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
          const text = `${new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23)}${zone}`;
          expect(parseTimestamp(text)).toBe(Date.parse(text));
          expect(parseTimestamp(text)).toBe(ms);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("rejects non-ISO text and out-of-range parts instead of guessing a zone", () => {
    for (const s of [
      "Jan 2 2024",
      "Tue, 02 Jan 2024 00:00:00 GMT",
      "2024-01-02T00:00:00 EST",
      "2024-02-30",
      "2024-01-02T24:00:00",
      "2024-01-02T00:60",
      "2024-01-02T00:00:00+24:00",
      "2024-1-2",
      "",
    ]) {
      expect(parseTimestamp(s)).toBeNaN();
    }
  });

  it("round-trips through formatTimestamp", () => {
    expect(formatTimestamp(parseTimestamp("2025-12-31T23:59:59.999Z"))).toBe(
      "2025-12-31T23:59:59.999Z",
    );
  });
});
