import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFeatures } from "./compute";
import { REFERENCE_NAMES as FEATURE_NAMES } from "./testing/reference";
import { createFeatureStream } from "./stream";
import { priceSeries } from "./testing/series";

const closes = [100, 110, 99, 99, 108.9, 104];

describe("createFeatureStream", () => {
  it("is not ready until every feature is defined, then reports the batch's last row", () => {
    const s = createFeatureStream({ lookback: 3 });
    const readiness = closes.map((c) => s.push(c));
    expect(readiness).toEqual([false, false, false, true, true, true]);
    expect(s.count).toBe(6);
    expect(s.ready).toBe(true);
    const table = computeFeatures(closes, { lookback: 3 });
    const last = table.length - 1;
    expect(s.latest()).toEqual({
      close: table.values.close[last],
      simple_return: table.values.simple_return[last],
      moving_average: table.values.moving_average[last],
      rolling_volatility: table.values.rolling_volatility[last],
    });
  });

  it("reports nothing while warming up", () => {
    const s = createFeatureStream({ lookback: 3 });
    s.push(100);
    const out = new Float64Array(4).fill(7);
    expect(s.latest()).toBeUndefined();
    expect(s.latestInto(out)).toBe(false);
    expect(Array.from(out)).toEqual([7, 7, 7, 7]);
  });

  it("writes values into a caller buffer in spec order", () => {
    const s = createFeatureStream({ lookback: 2, features: ["moving_average", "close"] });
    for (const c of [10, 20, 40]) s.push(c);
    const out = new Float64Array(2);
    expect(s.latestInto(out)).toBe(true);
    expect(Array.from(out)).toEqual([30, 40]);
  });

  it("rejects a bad close with its index and leaves the stream unchanged", () => {
    const s = createFeatureStream({ lookback: 2 });
    for (const c of [100, 101, 102]) s.push(c);
    const before = s.latest();
    expect(() => s.push(Number.NaN)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", index: 3 }),
    );
    expect(() => s.push(0)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", index: 3 }));
    expect(s.count).toBe(3);
    expect(s.latest()).toEqual(before);
    s.push(103);
    const table = computeFeatures([100, 101, 102, 103], { lookback: 2 });
    expect(s.latest()!.rolling_volatility).toBe(table.values.rolling_volatility[1]);
  });

  it("starts over after reset and gives the same values again", () => {
    const s = createFeatureStream({
      lookback: 3,
      features: ["ema", "rsi", "zscore", "rolling_volatility"],
    });
    const run = () => {
      for (const c of closes) s.push(c);
      return s.latest();
    };
    const first = run();
    s.reset();
    expect(s.count).toBe(0);
    expect(s.ready).toBe(false);
    expect(run()).toEqual(first);
  });

  it("validates its spec like the batch API", () => {
    expect(() => createFeatureStream({ lookback: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_LOOKBACK" }),
    );
  });

  it("skipping rejected closes gives exactly the batch over the accepted ones (property)", () => {
    const bad = fc.constantFrom(Number.NaN, 0, -3, Number.POSITIVE_INFINITY);
    fc.assert(
      fc.property(
        priceSeries({ maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(80), bad), { maxLength: 5 }),
        fc.integer({ min: 2, max: 12 }),
        (closes, insertions, lookback) => {
          const fed: number[] = [...closes];
          for (const [at, x] of insertions) fed.splice(Math.min(at, fed.length), 0, x);
          const s = createFeatureStream({ lookback, features: FEATURE_NAMES });
          for (const x of fed) {
            try {
              s.push(x);
            } catch {
              // rejected: the stream must be unchanged
            }
          }
          expect(s.count).toBe(closes.length);
          const t = computeFeatures(closes, { lookback, features: FEATURE_NAMES });
          expect(s.ready).toBe(t.length > 0);
          const latest = s.latest();
          for (const name of FEATURE_NAMES) {
            if (latest) expect(Object.is(latest[name], t.values[name][t.length - 1])).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
