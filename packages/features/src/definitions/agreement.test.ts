import fc from "fast-check";
import { describe, it } from "vitest";
import { computeFeatures } from "../compute";
import type { FeatureSpecInput } from "../spec";
import { createFeatureStream } from "../stream";
import { everyColumn } from "../testing/columns";
import { barAt, candlesAround, type OhlcvSeries, ohlcvSeries } from "../testing/ohlcv";
import { mulberry32 } from "../testing/series";

/** Pushes every bar and checks each row the stream reports is bit-identical to the batch row. */
function expectStreamEqualsBatch(s: OhlcvSeries, spec: FeatureSpecInput): void {
  const table = computeFeatures(s, spec);
  const stream = createFeatureStream(spec);
  const names = table.columns;
  const row = new Float64Array(names.length);
  for (let t = 0; t < s.close.length; t++) {
    const ready = stream.push(barAt(s, t));
    if (ready !== t >= table.offset)
      throw new Error(`ready = ${ready} at index ${t}, offset ${table.offset}`);
    if (!ready) continue;
    stream.latestInto(row);
    names.forEach((name, j) => {
      const batch = table.values[name]![t - table.offset]!;
      if (!Object.is(row[j], batch)) {
        throw new Error(`${name}[${t}]: stream ${row[j]} ≠ batch ${batch}`);
      }
    });
  }
}

/** A long walk with flat stretches, so re-summation steps and constant windows both occur. */
function walk(n: number, seed: number, start = 100): number[] {
  const rnd = mulberry32(seed);
  const c = [start];
  for (let t = 1; t < n; t++) {
    const flat = Math.floor(t / 700) % 3 === 1;
    c.push(flat ? c[t - 1]! : c[t - 1]! * (1 + (rnd() - 0.5) * 0.02));
  }
  return c;
}

describe("batch and incremental agree bit for bit, for every definition", () => {
  it("on random candles, windows and column subsets (property)", () => {
    fc.assert(
      fc.property(
        ohlcvSeries({ maxLength: 200 }),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (s, w, pick) => {
          const all = everyColumn(w);
          const rnd = mulberry32(pick);
          const subset = all.filter(() => rnd() < 0.5);
          expectStreamEqualsBatch(s, { lookback: w, features: subset.length > 0 ? subset : all });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("on long series that cross many re-summation steps and constant stretches", () => {
    for (const w of [2, 7, 20, 1500]) {
      expectStreamEqualsBatch(candlesAround(walk(6000, w), w), {
        lookback: w,
        features: everyColumn(w),
      });
    }
  });

  it("on a 200,000-candle series with the default features", () => {
    expectStreamEqualsBatch(candlesAround(walk(200_000, 42), 42), { lookback: 20 });
  });
});
