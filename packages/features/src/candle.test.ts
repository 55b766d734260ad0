import { describe, expect, it } from "vitest";
import { computeFeatures } from "./compute";
import { createFeatureStream } from "./stream";

const ok = { open: [10, 11], high: [12, 12], low: [9, 10], close: [11, 11.5], volume: [5, 0] };

function errorOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("no error thrown");
}

describe("OHLC candle validation", () => {
  it("names the index and the field of a candle whose prices are out of order", () => {
    const bad = { ...ok, low: [9, 11.6] }; // low above close at index 1
    expect(errorOf(() => computeFeatures(bad, ["true_range"]))).toMatchObject({
      code: "INVALID_CANDLE",
      index: 1,
      field: "low",
    });
    const high = { ...ok, high: [10.5, 12] }; // high below close at index 0
    expect(errorOf(() => computeFeatures(high, ["close_location_value"]))).toMatchObject({
      code: "INVALID_CANDLE",
      index: 0,
      field: "high",
    });
  });

  it("rejects a negative volume and a missing field the spec reads, naming them", () => {
    expect(
      errorOf(() => computeFeatures({ ...ok, volume: [5, -1] }, ["volume_zscore_2"])),
    ).toMatchObject({ code: "INVALID_INPUT", index: 1, field: "volume" });
    expect(errorOf(() => computeFeatures([10, 11, 12], ["atr_2"]))).toMatchObject({
      code: "INVALID_INPUT",
      field: "high",
    });
  });

  it("checks only the fields the spec reads: a close-only spec ignores the rest", () => {
    const table = computeFeatures({ ...ok, low: [99, 99] }, ["close"]);
    expect(Array.from(table.values.close)).toEqual([11, 11.5]);
  });

  it("rejects a bad bar in a stream without changing it", () => {
    const s = createFeatureStream(["true_range"]);
    s.push({ open: 10, high: 12, low: 9, close: 11 });
    expect(errorOf(() => s.push({ open: 10, high: 9, low: 9.5, close: 9.8 }))).toMatchObject({
      code: "INVALID_CANDLE",
      index: 1,
    });
    expect(errorOf(() => s.push(11))).toMatchObject({ code: "INVALID_INPUT" });
    expect(s.count).toBe(1);
    s.push({ open: 11, high: 13, low: 10.5, close: 12 });
    expect(s.latest()).toEqual({ true_range: 2.5 });
  });
});
