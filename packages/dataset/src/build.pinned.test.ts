import type { FeatureSpecInput } from "@mle/features";
import { describe, expect, it } from "vitest";
import { buildDataset } from "./build";
import { DAY_MS, makeCandles } from "./candles.fixture";
import { datasetHash } from "./hash";
import type { ColumnarSeries, PriceSeries } from "./types";

// Content hashes of datasets built by the implementation before the fast build (commit
// ee93f3f): every later version of buildDataset must reproduce them bit for bit.

const four: FeatureSpecInput = {
  lookback: 5,
  features: ["close", "simple_return", "moving_average", "rolling_volatility"],
};
// The eight v1 features, reversed (spelled out: FEATURE_NAMES has grown since).
const every: FeatureSpecInput = {
  lookback: 7,
  features: [
    "zscore",
    "rsi",
    "ema",
    "rolling_volatility",
    "moving_average",
    "log_return",
    "simple_return",
    "close",
  ],
};

function columns(candles: readonly PriceSeries[]): ColumnarSeries {
  return {
    timestamps: candles.map((c) => Date.parse(c.timestamp)),
    closes: candles.map((c) => c.close),
  };
}

/** Overlapping, misaligned and disjoint histories: days, half days, a late start, a short one. */
function mixedSymbols(): Record<string, PriceSeries[]> {
  const t0 = Date.UTC(2024, 0, 1);
  return {
    MSFT: makeCandles(60, { seed: 2 }),
    AAPL: makeCandles(80, { seed: 3, stepMs: DAY_MS / 2 }),
    ZZ: makeCandles(30, { seed: 4, startMs: t0 + 20 * DAY_MS }),
    B: makeCandles(15, { seed: 5, startMs: t0 + 200 * DAY_MS }),
    "b-lower": makeCandles(40, { seed: 6, startMs: t0 + 5 * DAY_MS + 3_600_000 }),
  };
}

const PINNED = {
  oneSymbolFour: "3d305ad7035c80b4c8d96c1a380a139b2fb297bd971c27aee3e4ca7beed5edc2",
  oneSymbolEvery: "c2ad7dc0a683d6541f803bc83f11d848592c774d8cb0942e56301f2f7c953b0c",
  mixedFour: "f4216c8482c349084f3e7d9654b228b5c11ec0f7afd645d40a85439e926d5ceb",
  mixedEvery: "5602fb6bbb6d3103633ac7c28d30018e15b59c194700521953c54c6d16d00f2d",
  alignedFour: "fe62f131f090c9c2c3cd0b2d22e5091ad9804ff262d0fe66bd5fce87bdc90eb3",
};

describe("buildDataset output is pinned", () => {
  it("builds the same one-symbol dataset as before, from candles and from columns", () => {
    const candles = makeCandles(120, { seed: 9 });
    for (const input of [candles, columns(candles)]) {
      expect(datasetHash(buildDataset({ ONE: input }, four))).toBe(PINNED.oneSymbolFour);
      expect(datasetHash(buildDataset({ ONE: input }, every))).toBe(PINNED.oneSymbolEvery);
    }
    const typed = columns(candles);
    const f64 = {
      timestamps: Float64Array.from(typed.timestamps),
      closes: Float64Array.from(typed.closes),
    };
    expect(datasetHash(buildDataset({ ONE: f64 }, four))).toBe(PINNED.oneSymbolFour);
  });

  it("builds the same multi-symbol dataset as before, from candles and from columns", () => {
    const bySymbol = mixedSymbols();
    const asColumns = Object.fromEntries(Object.entries(bySymbol).map(([s, c]) => [s, columns(c)]));
    const half = Object.fromEntries(
      Object.entries(bySymbol).map(([s, c], i) => [s, i % 2 === 0 ? c : columns(c)]),
    );
    for (const input of [bySymbol, asColumns, half]) {
      expect(datasetHash(buildDataset(input, four))).toBe(PINNED.mixedFour);
      expect(datasetHash(buildDataset(input, every))).toBe(PINNED.mixedEvery);
    }
  });

  it("builds the same dataset for time-aligned symbols as before", () => {
    const aligned = Object.fromEntries(
      ["C", "A", "B"].map((s, i) => [s, makeCandles(50, { seed: 20 + i })]),
    );
    const ds = buildDataset(aligned, four);
    expect(ds.symbolIds.slice(0, 6)).toEqual(Uint32Array.from([0, 1, 2, 0, 1, 2]));
    expect(datasetHash(ds)).toBe(PINNED.alignedFour);
  });
});
