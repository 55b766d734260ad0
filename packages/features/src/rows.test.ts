import { describe, expect, it } from "vitest";
import { computeFeatureRows } from "./rows";

const bars = [100, 110, 99, 99, 108.9].map((close, i) => ({
  timestamp: `2024-01-0${i + 1}T00:00:00.000Z`,
  close,
  volume: 1000 + i,
}));

describe("computeFeatureRows", () => {
  it("returns one row per defined bar, oldest first, with the bar's timestamp and the requested features", () => {
    const rows = computeFeatureRows(bars, { lookback: 3 });
    expect(rows).toHaveLength(2); // n - lookback
    expect(rows.map((r) => r.timestamp)).toEqual([
      "2024-01-04T00:00:00.000Z",
      "2024-01-05T00:00:00.000Z",
    ]);
    expect(Object.keys(rows[0]!)).toEqual([
      "timestamp",
      "close",
      "simple_return",
      "moving_average",
      "rolling_volatility",
    ]);
    expect(rows[1]!.close).toBe(108.9);
    expect(rows[1]!.moving_average).toBeCloseTo(102.3, 12);
    expect(rows[1]!.rolling_volatility).toBeCloseTo(0.1, 12);
  });

  it("returns no rows for fewer bars than the warm-up", () => {
    expect(computeFeatureRows(bars.slice(0, 3), { lookback: 3 })).toEqual([]);
  });

  it("names the index and field of a bad bar", () => {
    const badClose = bars.map((b, i) => (i === 3 ? { ...b, close: -2 } : b));
    expect(() => computeFeatureRows(badClose, { lookback: 2 })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", index: 3, field: "close" }),
    );
    const badTime = bars.map((b, i) => (i === 1 ? { ...b, timestamp: 5 as never } : b));
    expect(() => computeFeatureRows(badTime, { lookback: 2 })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", index: 1, field: "timestamp" }),
    );
  });
});
