import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CandleColumns } from "./candle";
import { computeFeatures } from "./compute";
import { toCloses, toOhlcv } from "./input";
import { candlesAround } from "./testing/ohlcv";

function errorOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("close validation", () => {
  it("rejects a non-finite or non-positive close with INVALID_INPUT and its index", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, -0]) {
      for (const input of [[1, 2, bad, 3], new Float64Array([1, 2, bad, 3])]) {
        expect(errorOf(() => toCloses(input))).toMatchObject({
          name: "FeatureError",
          code: "INVALID_INPUT",
          index: 2,
          field: "close",
        });
      }
    }
  });

  it("rejects values that are not numbers and inputs that are not arrays", () => {
    expect(errorOf(() => toCloses([1, "2" as never]))).toMatchObject({
      code: "INVALID_INPUT",
      index: 1,
    });
    expect(errorOf(() => toCloses(null as never))).toMatchObject({ code: "INVALID_INPUT" });
    expect(errorOf(() => toCloses(42 as never))).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("reports the error before computing anything", () => {
    expect(errorOf(() => computeFeatures([100, 101, Number.NaN], { lookback: 2 }))).toMatchObject({
      code: "INVALID_INPUT",
      index: 2,
    });
  });

  it("uses a valid Float64Array as is and copies plain arrays", () => {
    const typed = new Float64Array([1, 2, 3]);
    expect(toCloses(typed)).toBe(typed);
    expect(Array.from(toCloses([1, 2, 3]))).toEqual([1, 2, 3]);
  });
});

const FIELDS = ["close", "open", "high", "low", "volume"] as const;
type Field = (typeof FIELDS)[number];

/** The documented rule, written plainly: the first bad value by field order, then the first bad candle. */
function expectedProblem(
  cols: Record<Field, readonly unknown[]>,
  read: ReadonlySet<Field>,
): { code: string; index: number; field: string } | undefined {
  for (const field of FIELDS) {
    if (!read.has(field)) continue;
    const xs = cols[field];
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const ok =
        typeof x === "number" && Number.isFinite(x) && (field === "volume" ? x >= 0 : x > 0);
      if (!ok) return { code: "INVALID_INPUT", index: i, field };
    }
  }
  if (!read.has("high") && !read.has("low")) return undefined;
  for (let i = 0; i < cols.close.length; i++) {
    const c = cols.close[i] as number;
    const o = read.has("open") ? (cols.open[i] as number) : c;
    const h = read.has("high") ? (cols.high[i] as number) : Number.POSITIVE_INFINITY;
    const l = read.has("low") ? (cols.low[i] as number) : 0;
    if (l > h || l > c || l > o) return { code: "INVALID_CANDLE", index: i, field: "low" };
    if (h < c || h < o) return { code: "INVALID_CANDLE", index: i, field: "high" };
  }
  return undefined;
}

describe("candle validation in one pass", () => {
  const BAD: readonly unknown[] = [
    Number.NaN,
    0,
    -1,
    -0,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    "7",
    undefined,
  ];

  it("accepts exactly the valid inputs and names the same first problem as the rule", () => {
    const arb = fc.record({
      n: fc.integer({ min: 0, max: 12 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      read: fc.subarray(["open", "high", "low", "volume"] as const),
      typed: fc.boolean(),
      faults: fc.array(
        fc.record({
          field: fc.constantFrom(...FIELDS),
          index: fc.nat(),
          kind: fc.oneof(
            fc.constantFrom(...BAD),
            fc.constantFrom("swap-high-low", "open-above-high", "close-below-low"),
          ),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ n, seed, read, typed, faults }) => {
        const close = Array.from({ length: n }, (_, i) => 100 + ((seed * (i + 3)) % 17));
        const k = candlesAround(close, seed);
        const cols: Record<Field, unknown[]> = {
          close: [...k.close],
          open: [...k.open],
          high: [...k.high],
          low: [...k.low],
          volume: [...k.volume],
        };
        for (const { field, index, kind } of faults) {
          if (n === 0) break;
          const i = index % n;
          if (kind === "swap-high-low") {
            [cols.high[i], cols.low[i]] = [cols.low[i], cols.high[i]];
          } else if (kind === "open-above-high") cols.open[i] = (cols.high[i] as number) * 1.01;
          else if (kind === "close-below-low") cols.close[i] = (cols.low[i] as number) * 0.99;
          else cols[field][i] = kind;
        }
        const fields = new Set<Field>(["close", ...read]);
        // a typed column cannot hold a string or undefined: those become NaN in a Float64Array
        const input = Object.fromEntries(
          FIELDS.map((f) => [f, typed ? Float64Array.from(cols[f], Number) : cols[f]]),
        ) as unknown as CandleColumns;
        const seen = typed
          ? (Object.fromEntries(
              FIELDS.map((f) => [f, Array.from(input[f] as Float64Array)]),
            ) as Record<Field, number[]>)
          : cols;
        const want = expectedProblem(seen, fields);
        const got = errorOf(() => toOhlcv(input, fields));
        if (want === undefined) {
          expect(got).toBeUndefined();
          const { ohlcv } = toOhlcv(input, fields);
          for (const f of fields) expect(Array.from(ohlcv[f])).toEqual(seen[f]);
        } else {
          expect(got).toMatchObject({ name: "FeatureError", ...want });
        }
      }),
      { numRuns: 2000 },
    );
  });
});
