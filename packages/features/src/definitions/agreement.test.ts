import fc from "fast-check";
import { describe, it } from "vitest";
import { computeFeatures } from "../compute";
import { FEATURE_NAMES, type FeatureName } from "../names";
import { createFeatureStream } from "../stream";
import { mulberry32, priceSeries } from "../testing/series";

/** Pushes every close and checks each row the stream reports is bit-identical to the batch row. */
function expectStreamEqualsBatch(
  c: readonly number[],
  lookback: number,
  features: readonly FeatureName[],
): void {
  const table = computeFeatures(c, { lookback, features });
  const stream = createFeatureStream({ lookback, features });
  const row = new Float64Array(features.length);
  for (let t = 0; t < c.length; t++) {
    const ready = stream.push(c[t]!);
    if (ready !== t >= table.offset)
      throw new Error(`ready = ${ready} at index ${t}, offset ${table.offset}`);
    if (!ready) continue;
    stream.latestInto(row);
    features.forEach((name, j) => {
      const batch = table.values[name][t - table.offset]!;
      if (!Object.is(row[j], batch)) {
        throw new Error(`${name}[${t}] (w=${lookback}): stream ${row[j]} ≠ batch ${batch}`);
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

describe("batch and incremental agree bit for bit", () => {
  it("on random series, lookbacks and feature subsets (property)", () => {
    fc.assert(
      fc.property(
        priceSeries({ maxLength: 200 }),
        fc.integer({ min: 2, max: 40 }),
        fc.shuffledSubarray([...FEATURE_NAMES], { minLength: 1 }),
        (c, w, features) => expectStreamEqualsBatch(c, w, features),
      ),
      { numRuns: 200 },
    );
  });

  it("on long series that cross many re-summation steps and constant stretches", () => {
    for (const w of [2, 7, 20, 1500]) expectStreamEqualsBatch(walk(6000, w), w, FEATURE_NAMES);
  });

  it("on a 200,000-candle series with the default features", () => {
    expectStreamEqualsBatch(walk(200_000, 42), 20, [
      "close",
      "simple_return",
      "moving_average",
      "rolling_volatility",
    ]);
  });
});
