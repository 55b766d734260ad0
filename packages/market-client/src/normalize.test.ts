import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candleSchema } from "./candle";
import { isMarketDataError, UpstreamBadResponseError } from "./errors";
import { normalizeCandles } from "./normalize";

const good = {
  timestamp: "2024-01-02T00:00:00Z",
  open: 10,
  high: 12,
  low: 9,
  close: 11,
  volume: 100,
};

function rejection(raw: unknown): UpstreamBadResponseError {
  try {
    normalizeCandles(raw);
  } catch (e) {
    if (e instanceof UpstreamBadResponseError) return e;
    throw e;
  }
  throw new Error("expected normalizeCandles to throw");
}

describe("normalizeCandles", () => {
  it("accepts short keys, numeric strings and epoch seconds", () => {
    const out = normalizeCandles([{ t: 1704153600, o: "10", h: "12.5", l: "9", c: "11", v: "0" }]);
    expect(out).toEqual([
      { timestamp: "2024-01-02T00:00:00.000Z", open: 10, high: 12.5, low: 9, close: 11, volume: 0 },
    ]);
  });

  it("reads numbers at or above 1e11 as epoch milliseconds and below as seconds", () => {
    const ms = normalizeCandles([{ ...good, timestamp: 1704153600000 }]);
    const s = normalizeCandles([{ ...good, timestamp: "1704153600" }]);
    expect(ms[0]!.timestamp).toBe("2024-01-02T00:00:00.000Z");
    expect(s[0]!.timestamp).toBe("2024-01-02T00:00:00.000Z");
  });

  it("treats an ISO date or datetime without a zone as UTC and converts offsets", () => {
    const out = normalizeCandles([
      { ...good, timestamp: "2024-01-03" },
      { ...good, timestamp: "2024-01-04T10:30:00" },
      { ...good, timestamp: "2024-01-05T02:00:00+02:00" },
    ]);
    expect(out.map((c) => c.timestamp)).toEqual([
      "2024-01-03T00:00:00.000Z",
      "2024-01-04T10:30:00.000Z",
      "2024-01-05T00:00:00.000Z",
    ]);
  });

  it("unwraps the { symbol, candles } envelope", () => {
    expect(normalizeCandles({ symbol: "AAPL", candles: [good] })).toHaveLength(1);
  });

  it("sorts ascending and drops exact duplicates", () => {
    const later = { ...good, timestamp: "2024-01-03T00:00:00Z" };
    const out = normalizeCandles([later, good, later, { ...good, timestamp: 1704153600 }]);
    expect(out.map((c) => c.timestamp)).toEqual([
      "2024-01-02T00:00:00.000Z",
      "2024-01-03T00:00:00.000Z",
    ]);
  });

  it("accepts zero volume", () => {
    expect(normalizeCandles([{ ...good, volume: 0 }])[0]!.volume).toBe(0);
  });

  it.each([
    ["a non-finite price", { ...good, close: Number.POSITIVE_INFINITY }, "close"],
    ["a NaN volume", { ...good, volume: Number.NaN }, "volume"],
    ["a non-numeric string", { ...good, open: "ten" }, "open"],
    ["a hex string", { ...good, open: "0x10" }, "open"],
    ["a zero price", { ...good, low: 0 }, "low"],
    ["a negative price", { ...good, open: -1 }, "open"],
    ["a negative volume", { ...good, volume: -5 }, "volume"],
    ["high below low", { ...good, high: 8, low: 9, open: 9, close: 9 }, "high"],
    ["open above high", { ...good, open: 13 }, "open"],
    ["close below low", { ...good, close: 8 }, "close"],
    [
      "a missing field",
      { timestamp: good.timestamp, open: 1, high: 1, low: 1, volume: 1 },
      "close",
    ],
    ["an impossible date", { ...good, timestamp: "2024-02-30" }, "timestamp"],
    ["a free-text date", { ...good, timestamp: "yesterday" }, "timestamp"],
  ])("rejects %s naming the index and field", (_, bad, field) => {
    const err = rejection([good, { ...good, timestamp: "2024-01-01" }, bad]);
    expect(err.code).toBe("UPSTREAM_BAD_RESPONSE");
    expect(err.index).toBe(2);
    expect(err.field).toBe(field);
    expect(err.message).toContain(`Candle 2, field "${field}"`);
  });

  it("rejects a conflicting duplicate timestamp naming the later index", () => {
    const err = rejection([good, { ...good, timestamp: "2024-01-05" }, { ...good, close: 10 }]);
    expect(err.index).toBe(2);
    expect(err.field).toBe("timestamp");
    expect(err.message).toMatch(/same timestamp as candle 0/);
  });

  it("rejects a body that is not a list of candles", () => {
    expect(isMarketDataError(rejection({ data: [] }), "UPSTREAM_BAD_RESPONSE")).toBe(true);
    expect(rejection([good, 5]).index).toBe(1);
  });

  it("outputs valid, sorted, unique candles for any valid input order (property)", () => {
    const candleArb = fc
      .record({
        day: fc.integer({ min: 0, max: 60 }),
        low: fc.double({ min: 0.01, max: 1000, noNaN: true }),
        spread: fc.double({ min: 0, max: 100, noNaN: true }),
        a: fc.double({ min: 0, max: 1, noNaN: true }),
        b: fc.double({ min: 0, max: 1, noNaN: true }),
        volume: fc.integer({ min: 0, max: 1e9 }),
        asString: fc.boolean(),
      })
      .map(({ day, low, spread, a, b, volume, asString }) => {
        const high = low + spread;
        const open = Math.min(high, low + a * spread);
        const close = Math.min(high, low + b * spread);
        const v = (x: number) => (asString ? String(x) : x);
        return {
          t: 1704067200 + day * 86400,
          o: v(open),
          h: v(high),
          l: v(low),
          c: v(close),
          v: v(volume),
        };
      });
    fc.assert(
      fc.property(fc.uniqueArray(candleArb, { selector: (c) => c.t, maxLength: 40 }), (raw) => {
        const shuffled = [...raw].reverse();
        const out = normalizeCandles([...shuffled, ...raw]);
        expect(out).toHaveLength(raw.length);
        for (let i = 0; i < out.length; i++) {
          expect(candleSchema.safeParse(out[i]).success).toBe(true);
          if (i > 0)
            expect(Date.parse(out[i]!.timestamp)).toBeGreaterThan(
              Date.parse(out[i - 1]!.timestamp),
            );
        }
        expect(normalizeCandles(out)).toEqual(out);
      }),
    );
  });
});
