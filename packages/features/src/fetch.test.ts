import { describe, expect, it } from "vitest";
import { candlesNeeded } from "./candles-needed";
import { computeFeatures } from "./compute";
import { fetchFeatures } from "./fetch";
import { FEATURE_DEFINITIONS } from "./feature-definitions";
import { type FeatureSpec, validateFeatureSpec } from "./spec";
import { mulberry32 } from "./testing/series";

function bars(n: number) {
  const rnd = mulberry32(11);
  let c = 100;
  return Array.from({ length: n }, (_, i) => {
    c *= 1 + (rnd() - 0.5) * 0.02;
    return { timestamp: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(), close: c };
  });
}

/** A source holding `all`, returning the latest `count` and recording each request. */
function source(all: ReturnType<typeof bars>) {
  const requests: number[] = [];
  return {
    requests,
    fetch: async (count: number) => {
      requests.push(count);
      return all.slice(-count);
    },
  };
}

describe("candlesNeeded", () => {
  it("is the warm-up plus the rows for windowed columns (v1: limit + lookback)", () => {
    expect(candlesNeeded({ lookback: 20 }, 100)).toBe(120);
    expect(candlesNeeded({ lookback: 20, features: ["close", "moving_average"] }, 1)).toBe(20);
    expect(candlesNeeded(["moving_average_50", "close"], 10)).toBe(59);
  });

  it("adds the longest declared convergence warm-up of a recursive column", () => {
    // ema and rsi declare 20 × window (at most 5000) candles of warm-up
    expect(candlesNeeded({ lookback: 14, features: ["rsi"] }, 1)).toBe(14 + 1 + 280);
    expect(candlesNeeded(["ema_10", "rsi_14", "moving_average_50"], 1)).toBe(49 + 1 + 280);
    expect(candlesNeeded(["ema_1000"], 1)).toBe(999 + 1 + 5000);
    expect(candlesNeeded(["ema_10"], 1, { history: 0 })).toBe(10);
  });

  it("rejects rows and history that are not integers in range", () => {
    expect(() => candlesNeeded({ lookback: 5 }, 0)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => candlesNeeded({ lookback: 5 }, 1, { history: -1 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });

  it("has every definition declare its history, with a tolerance below 1e-8 for short windows", () => {
    for (const def of Object.values(FEATURE_DEFINITIONS)) {
      const p = Object.fromEntries(
        def.params.map((q) => [q.name, q.default === "lookback" ? 20 : q.default]),
      );
      const need = def.history(p);
      expect(["window", "converging", "all"]).toContain(need.kind);
      if (need.kind === "converging") expect(need.tolerance).toBeLessThan(1e-8);
    }
  });

  it("gives recursive columns that agree with the whole-series value within the declared tolerance", () => {
    const all = bars(3000);
    const closes = all.map((b) => b.close);
    for (const name of ["ema_10", "rsi_14"]) {
      const spec = validateFeatureSpec([name]);
      const n = candlesNeeded(spec, 1);
      const full = computeFeatures(closes, spec).values[name]!;
      const cut = computeFeatures(closes.slice(-n), spec).values[name]!;
      const a = full[full.length - 1]!;
      const b = cut[cut.length - 1]!;
      const { feature, params } = spec.columns[0]!;
      const need = FEATURE_DEFINITIONS[feature].history(params);
      const tol = need.kind === "converging" ? need.tolerance : 0;
      expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * 100 * Math.abs(a) + 1e-12);
    }
  });
});

describe("fetchFeatures", () => {
  it("requests candlesNeeded bars and returns the last rows with their bars", async () => {
    const all = bars(500);
    const src = source(all);
    const w = await fetchFeatures({ spec: { lookback: 10 }, rows: 5, fetch: src.fetch });
    expect(src.requests).toEqual([15]);
    expect(w.length).toBe(5);
    expect(w.columns).toEqual(["close", "simple_return", "moving_average", "rolling_volatility"]);
    expect(w.bars.map((b) => b.timestamp)).toEqual(all.slice(-5).map((b) => b.timestamp));
    const whole = computeFeatures(
      all.map((b) => b.close),
      validateFeatureSpec({ lookback: 10 }) as FeatureSpec,
    );
    for (const name of w.columns) {
      // the same values as over all 500 bars, up to the rounding history of a running sum
      const want = whole.values[name]!.subarray(-5);
      w.values[name]!.forEach((v, i) => {
        expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(want[i]!));
      });
    }
  });

  it("returns fewer rows when the source has fewer bars, and the caller's error below one row", async () => {
    const src = source(bars(13));
    const w = await fetchFeatures({ spec: { lookback: 10 }, rows: 5, fetch: src.fetch });
    expect(w.length).toBe(3);
    const short = source(bars(10));
    await expect(
      fetchFeatures({ spec: { lookback: 10 }, rows: 5, fetch: short.fetch }),
    ).rejects.toMatchObject({
      code: "INSUFFICIENT_DATA",
    });
    await expect(
      fetchFeatures({
        spec: { lookback: 10 },
        rows: 1,
        fetch: short.fetch,
        insufficient: (needed, got) => new RangeError(`${needed}/${got}`),
      }),
    ).rejects.toThrow("11/10");
  });

  it("falls back to the smaller spec when the history is too short for the full one", async () => {
    const src = source(bars(8));
    const spec = validateFeatureSpec({
      lookback: 10,
      features: ["close", "simple_return", "rolling_volatility"],
    });
    const fallback = validateFeatureSpec({ lookback: 10, features: ["close", "simple_return"] });
    const w = await fetchFeatures({ spec, fallback, rows: 1, fetch: src.fetch });
    expect(w.spec).toBe(fallback);
    expect(w.columns).toEqual(["close", "simple_return"]);
  });
});
