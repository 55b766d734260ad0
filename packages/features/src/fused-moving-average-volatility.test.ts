import { describe, expect, it } from "vitest";
import { createBatchInput } from "./batch-input";
import { computeFeatures } from "./compute";
import { movingAverage } from "./definitions/moving-average";
import { rollingVolatility } from "./definitions/rolling-volatility";
import { simpleReturn } from "./definitions/simple-return";
import { fusedMovingAverageAndVolatility } from "./fused-moving-average-volatility";
import { mulberry32 } from "./testing/series";

function countDifferent(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let k = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) k++;
  return k;
}

/** Walk with flat stretches: constant windows and many re-summation steps. */
function walk(n: number, seed: number): Float64Array {
  const rnd = mulberry32(seed);
  const c = new Float64Array(n);
  c[0] = 1000;
  for (let t = 1; t < n; t++)
    c[t] = Math.floor(t / 900) % 4 === 2 ? c[t - 1]! : c[t - 1]! * (1 + (rnd() - 0.5) * 0.01);
  return c;
}

describe("the fused moving-average + volatility pass", () => {
  it("is bit-identical to the separate feature definitions", () => {
    for (const [n, w] of [
      [3, 2],
      [50, 7],
      [10_000, 2],
      [10_000, 20],
      [10_000, 1024],
      [10_000, 3000],
    ] as const) {
      const c = walk(n, n + w);
      const offset = w;
      const fused = fusedMovingAverageAndVolatility(createBatchInput(c, false), w, offset);
      const separate = createBatchInput(c, false);
      expect(
        countDifferent(fused.movingAverage, movingAverage.batch(separate, { window: w }, offset)),
      ).toBe(0);
      expect(
        countDifferent(
          fused.rollingVolatility,
          rollingVolatility.batch(separate, { window: w }, offset),
        ),
      ).toBe(0);
    }
  });

  it("hands its returns to simple_return, identical to computing them directly", () => {
    const c = walk(5000, 9);
    const input = createBatchInput(c, false);
    fusedMovingAverageAndVolatility(input, 10, 10);
    const direct = simpleReturn.batch(createBatchInput(c, false), {}, 10);
    expect(countDifferent(simpleReturn.batch(input, {}, 10), direct)).toBe(0);
  });

  it("is what computeFeatures uses when both rolling columns are requested", () => {
    const c = walk(4000, 3);
    const both = computeFeatures(c, {
      lookback: 30,
      features: ["moving_average", "rolling_volatility"],
    });
    const ma = computeFeatures(c, {
      lookback: 30,
      features: ["rolling_volatility", "close", "moving_average"],
    });
    const maOnly = computeFeatures(c, { lookback: 30, features: ["rolling_volatility"] });
    expect(countDifferent(both.values.rolling_volatility, maOnly.values.rolling_volatility)).toBe(
      0,
    );
    expect(countDifferent(both.values.moving_average, ma.values.moving_average)).toBe(0);
  });
});
