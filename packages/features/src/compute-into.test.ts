import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFeatures, computeInto } from "./compute";
import { isFeatureError } from "./errors";
import { validateFeatureSpec } from "./spec";
import { everyColumn } from "./testing/columns";
import { candlesAround, ohlcvSeries } from "./testing/ohlcv";
import { mulberry32 } from "./testing/series";

const SENTINEL = -12345.678;

/** computeInto into buffers pre-filled with a sentinel (and 3 spare values), checked against computeFeatures. */
function expectIntoEqualsCompute(
  input: Parameters<typeof computeFeatures>[0],
  features: string[],
  w: number,
  scratch: boolean,
): void {
  const spec = validateFeatureSpec({ lookback: w, features });
  const table = computeFeatures(input, spec);
  const n = table.offset + table.length;
  const out = spec.features.map(() => new Float64Array(table.length + 3).fill(SENTINEL));
  const options = scratch ? { scratch: new Float64Array(n + 1) } : {};
  const got = computeInto(input, spec, out, options);
  expect(got).toEqual({ offset: table.offset, length: table.length });
  spec.features.forEach((name, j) => {
    const want = table.values[name]!;
    const buf = out[j]!;
    for (let i = 0; i < table.length; i++) {
      if (!Object.is(buf[i], want[i]))
        throw new Error(`${name}[${i}]: into ${buf[i]} ≠ ${want[i]}`);
    }
    for (let i = table.length; i < buf.length; i++) expect(buf[i]).toBe(SENTINEL);
  });
}

function walk(n: number, seed: number): Float64Array {
  const rnd = mulberry32(seed);
  const c = new Float64Array(n);
  c[0] = 100;
  for (let t = 1; t < n; t++) {
    const flat = Math.floor(t / 700) % 3 === 1;
    c[t] = flat ? c[t - 1]! : c[t - 1]! * (1 + (rnd() - 0.5) * 0.02);
  }
  return c;
}

describe("computeInto", () => {
  it("writes every definition's column bit-identical to computeFeatures (property)", () => {
    fc.assert(
      fc.property(
        ohlcvSeries({ maxLength: 200 }),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.boolean(),
        (s, w, pick, scratch) => {
          const all = everyColumn(w);
          const rnd = mulberry32(pick);
          const subset = all.filter(() => rnd() < 0.5);
          expectIntoEqualsCompute(s, subset.length > 0 ? subset : all, w, scratch);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("matches on long series across re-summation steps, Float64Array closes, with and without scratch", () => {
    const c = walk(20_000, 7);
    for (const w of [2, 20, 1500]) {
      expectIntoEqualsCompute(
        c,
        ["close", "simple_return", "moving_average", "rolling_volatility"],
        w,
        true,
      );
      expectIntoEqualsCompute(
        candlesAround(Array.from(c.subarray(0, 6000)), w),
        everyColumn(w),
        w,
        false,
      );
    }
  });

  it("writes MACD's three columns straight into their buffers, also when a column is named twice or the warm-up is longer", () => {
    const closes = walk(3_000, 7);
    const features = [
      "macd_histogram_12_26_9",
      "macd",
      "macd_12_26_9",
      "macd_signal_12_26_9",
      "moving_average_60",
    ];
    expectIntoEqualsCompute(closes, features, 20, false);
    const t = computeFeatures(closes, features);
    expect(t.offset).toBe(59);
    const { macd, macd_12_26_9: line, macd_signal_12_26_9: signal } = t.values;
    const hist = t.values.macd_histogram_12_26_9;
    expect(new Set([macd, line, signal, hist]).size).toBe(4); // distinct arrays
    for (let i = 0; i < t.length; i++) {
      expect(Object.is(macd![i], line![i])).toBe(true);
      expect(Object.is(hist![i], line![i]! - signal![i]!)).toBe(true);
    }
  });

  it("reuses one set of buffers across series of different lengths", () => {
    const spec = validateFeatureSpec({ lookback: 5 });
    const out = spec.features.map(() => new Float64Array(1000));
    for (const n of [1000, 17, 400]) {
      const c = walk(n, n);
      const { length } = computeInto(c, spec, out);
      const t = computeFeatures(c, spec);
      spec.features.forEach((name, j) => {
        expect(Array.from(out[j]!.subarray(0, length))).toEqual(Array.from(t.values[name]!));
      });
    }
  });

  it("writes nothing when the series is shorter than the warm-up", () => {
    const out = [new Float64Array(2).fill(SENTINEL)];
    expect(computeInto([100, 101], { lookback: 5, features: ["moving_average"] }, out)).toEqual({
      offset: 4,
      length: 0,
    });
    expect(Array.from(out[0]!)).toEqual([SENTINEL, SENTINEL]);
  });

  it("rejects a wrong number of buffers, a short buffer and a short scratch with INVALID_ARGUMENT", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isFeatureError(e) ? [e.code, e.field] : ["other"];
      }
      return ["none"];
    };
    const c = walk(50, 1);
    const spec = { lookback: 5, features: ["close", "rsi"] };
    expect(code(() => computeInto(c, spec, [new Float64Array(50)]))).toEqual([
      "INVALID_ARGUMENT",
      "out",
    ]);
    expect(code(() => computeInto(c, spec, [new Float64Array(50), new Float64Array(44)]))).toEqual([
      "INVALID_ARGUMENT",
      "out[1]",
    ]);
    expect(
      code(() =>
        computeInto(c, spec, [new Float64Array(45), new Float64Array(45)], {
          scratch: new Float64Array(49),
        }),
      ),
    ).toEqual(["INVALID_ARGUMENT", "scratch"]);
  });
});
