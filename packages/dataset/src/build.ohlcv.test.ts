import { computeFeatures } from "@mle/features";
import { describe, expect, it } from "vitest";
import { buildDataset } from "./build";
import { isDatasetError } from "./errors";

/** Valid daily candles of a seeded walk, with open/high/low/volume. */
function candles(n: number, seed: number) {
  let s = seed;
  const rnd = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const out = [];
  let close = 100;
  for (let i = 0; i < n; i++) {
    const open = close * (1 + (rnd() - 0.5) * 0.004);
    close = open * (1 + (rnd() - 0.5) * 0.02);
    const high = Math.max(open, close) * (1 + rnd() * 0.01);
    const low = Math.min(open, close) * (1 - rnd() * 0.01);
    const timestamp = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString();
    out.push({ timestamp, open, high, low, close, volume: Math.round(rnd() * 1e6) });
  }
  return out;
}

const SPEC = {
  features: ["close", "atr_14", "vwap_10", "yang_zhang_volatility_20", "macd_12_26_9"],
};

describe("buildDataset with columns that read OHLCV", () => {
  it("computes them from the candles' open/high/low/volume, equal to computeFeatures bit for bit", () => {
    const bars = candles(300, 3);
    const ds = buildDataset({ AAA: bars }, SPEC);
    const table = computeFeatures(
      {
        close: bars.map((b) => b.close),
        open: bars.map((b) => b.open),
        high: bars.map((b) => b.high),
        low: bars.map((b) => b.low),
        volume: bars.map((b) => b.volume),
      },
      SPEC,
    );
    expect(ds.featureColumns).toEqual(SPEC.features);
    expect(ds.rows).toBe(table.length - 1); // the last candle has no label
    SPEC.features.forEach((name, j) => {
      for (let i = 0; i < ds.rows; i++) {
        expect(Object.is(ds.X[i * ds.cols + j], table.values[name]![i])).toBe(true);
      }
    });
  });

  it("accepts the columnar form with opens/highs/lows/volumes, same dataset", () => {
    const bars = candles(120, 5);
    const columnar = {
      timestamps: bars.map((b) => Date.parse(b.timestamp)),
      closes: Float64Array.from(bars, (b) => b.close),
      opens: bars.map((b) => b.open),
      highs: bars.map((b) => b.high),
      lows: bars.map((b) => b.low),
      volumes: bars.map((b) => b.volume),
    };
    const a = buildDataset({ AAA: bars, BBB: candles(120, 9) }, SPEC);
    const b = buildDataset({ AAA: columnar, BBB: candles(120, 9) }, SPEC);
    expect(Array.from(b.X)).toEqual(Array.from(a.X));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
  });

  it("names the symbol, index and field of a candle without the high an ATR column needs", () => {
    const bars: Record<string, unknown>[] = candles(60, 1);
    delete bars[7]!.high;
    let caught: unknown;
    try {
      buildDataset({ AAA: bars as never }, { features: ["atr_14"] });
    } catch (e) {
      caught = e;
    }
    expect(isDatasetError(caught) && [caught.code, caught.symbol, caught.index]).toEqual([
      "INVALID_CANDLE",
      "AAA",
      7,
    ]);
    expect((caught as Error).message).toMatch(/AAA\[7\]\.high/);
  });

  it("turns a candle out of order (low above the close) into INVALID_CANDLE with the FeatureError as cause", () => {
    const bars = candles(60, 2);
    bars[30] = { ...bars[30]!, low: bars[30]!.close * 1.001 };
    let caught: unknown;
    try {
      buildDataset({ AAA: bars }, { features: ["atr_14"] });
    } catch (e) {
      caught = e;
    }
    expect(isDatasetError(caught) && [caught.code, caught.symbol, caught.index]).toEqual([
      "INVALID_CANDLE",
      "AAA",
      30,
    ]);
    expect((caught as { cause?: { code?: string } }).cause?.code).toBe("INVALID_CANDLE");
  });

  it("ignores open/high/low/volume when no column reads them (close-only candles still work)", () => {
    const bars = candles(40, 4).map(({ timestamp, close }) => ({ timestamp, close }));
    expect(buildDataset({ AAA: bars }, { lookback: 5 }).rows).toBe(34);
  });
});
