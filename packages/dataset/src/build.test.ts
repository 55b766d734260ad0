import { computeFeatures, validateFeatureSpec } from "@mle/features";
import { describe, expect, it } from "vitest";
import { buildDataset } from "./build";
import { DAY_MS, makeCandles } from "./candles.fixture";
import { isDatasetError } from "./errors";

const spec = validateFeatureSpec({
  lookback: 5,
  features: ["close", "simple_return", "moving_average", "rolling_volatility"],
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDatasetError(e) ? e.code : `not a DatasetError: ${String(e)}`;
  }
  return undefined;
}

describe("buildDataset", () => {
  it("labels each kept candle with the next close's return and copies the feature table", () => {
    const candles = makeCandles(40);
    const ds = buildDataset({ AAA: candles }, spec);
    const closes = candles.map((c) => c.close);
    const table = computeFeatures(closes, spec);
    expect(ds.rows).toBe(40 - table.offset - 1);
    expect(ds.cols).toBe(4);
    expect(ds.featureColumns).toEqual(spec.features);
    for (let i = 0; i < ds.rows; i++) {
      const t = table.offset + i;
      expect(ds.y[i]).toBe(closes[t + 1]! / closes[t]! - 1);
      expect(ds.timestamps[i]).toBe(Date.parse(candles[t]!.timestamp));
      spec.features.forEach((name, j) => {
        expect(ds.X[i * ds.cols + j]).toBe(table.values[name]![i]);
      });
    }
  });

  it("counts dropped warm-up and unlabeled candles per symbol", () => {
    const ds = buildDataset({ AAA: makeCandles(40), BBB: makeCandles(12, { seed: 2 }) }, spec);
    const offset = computeFeatures([1, 2, 3], spec).offset;
    expect(ds.stats.perSymbol.AAA).toEqual({
      candles: 40,
      kept: 40 - offset - 1,
      droppedWarmup: offset,
      droppedNoLabel: 1,
    });
    expect(ds.stats.perSymbol.BBB).toEqual({
      candles: 12,
      kept: 12 - offset - 1,
      droppedWarmup: offset,
      droppedNoLabel: 1,
    });
    expect(ds.rows).toBe(40 + 12 - 2 * (offset + 1));
  });

  it("never looks ahead: changing a future candle leaves every earlier row unchanged", () => {
    const candles = makeCandles(60);
    const base = buildDataset({ AAA: candles }, spec);
    for (const p of [20, 35, 59]) {
      const perturbed = candles.map((c, i) => (i === p ? { ...c, close: c.close * 1.5 } : c));
      const ds = buildDataset({ AAA: perturbed }, spec);
      const tp = Date.parse(candles[p]!.timestamp);
      let checked = 0;
      for (let i = 0; i < ds.rows; i++) {
        if (ds.timestamps[i]! >= tp) break;
        // Features at t < p only see candles <= t.
        expect(ds.X.subarray(i * 4, i * 4 + 4)).toEqual(base.X.subarray(i * 4, i * 4 + 4));
        // The label of t reads close[t+1]: only the row just before p may change.
        if (ds.timestamps[i]! < tp - DAY_MS) expect(ds.y[i]).toBe(base.y[i]);
        checked++;
      }
      expect(checked).toBeGreaterThan(10);
      // And the change is visible from p - 1 on (a label or features), so the test can fail.
      expect([ds.X, ds.y]).not.toEqual([base.X, base.y]);
    }
  });

  it("pools symbols in (timestamp, symbol) order with symbols sorted", () => {
    const ds = buildDataset(
      {
        ZZZ: makeCandles(30, { seed: 3 }),
        AAA: makeCandles(30, { seed: 4, startMs: Date.UTC(2024, 0, 5) }),
        MMM: makeCandles(20, { seed: 5, startMs: Date.UTC(2024, 0, 3) }),
      },
      spec,
    );
    expect(ds.symbols).toEqual(["AAA", "MMM", "ZZZ"]);
    for (let i = 1; i < ds.rows; i++) {
      const dt = ds.timestamps[i]! - ds.timestamps[i - 1]!;
      expect(dt > 0 || (dt === 0 && ds.symbolIds[i]! > ds.symbolIds[i - 1]!)).toBe(true);
    }
    const counts = [0, 0, 0];
    for (const s of ds.symbolIds) counts[s]!++;
    expect(counts).toEqual(ds.symbols.map((s) => ds.stats.perSymbol[s]!.kept));
  });

  it("gives the same rows for a symbol whether alone or pooled", () => {
    const a = makeCandles(30, { seed: 7 });
    const alone = buildDataset({ A: a }, spec);
    const pooled = buildDataset({ A: a, B: makeCandles(30, { seed: 8 }) }, spec);
    const rows: number[] = [];
    for (let i = 0; i < pooled.rows; i++) if (pooled.symbolIds[i] === 0) rows.push(pooled.y[i]!);
    expect(rows).toEqual(Array.from(alone.y));
  });

  it("rejects unsorted, duplicate, malformed and too-short input with codes", () => {
    const c = makeCandles(30);
    const swapped = [...c];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    expect(codeOf(() => buildDataset({ A: swapped }, spec))).toBe("UNSORTED_INPUT");
    const dup = [...c];
    dup[5] = { ...dup[5]!, timestamp: dup[4]!.timestamp };
    expect(codeOf(() => buildDataset({ A: dup }, spec))).toBe("UNSORTED_INPUT");
    const badClose = c.map((x, i) => (i === 2 ? { ...x, close: Number.NaN } : x));
    expect(codeOf(() => buildDataset({ A: badClose }, spec))).toBe("INVALID_CANDLE");
    const zero = c.map((x, i) => (i === 2 ? { ...x, close: 0 } : x));
    expect(codeOf(() => buildDataset({ A: zero }, spec))).toBe("INVALID_CANDLE");
    const badTs = c.map((x, i) => (i === 2 ? { ...x, timestamp: "not a date" } : x));
    expect(codeOf(() => buildDataset({ A: badTs }, spec))).toBe("INVALID_CANDLE");
    expect(codeOf(() => buildDataset({ A: c.slice(0, 6) }, spec))).toBe("INSUFFICIENT_DATA");
    expect(codeOf(() => buildDataset({}, spec))).toBe("INVALID_INPUT");
  });

  it("names the symbol and candle index at fault", () => {
    const c = makeCandles(30);
    const bad = c.map((x, i) => (i === 9 ? { ...x, close: -1 } : x));
    try {
      buildDataset({ OK: c, BAD: bad }, spec);
      expect.unreachable();
    } catch (e) {
      expect(isDatasetError(e) && e.symbol === "BAD" && e.index === 9).toBe(true);
      expect((e as Error).message).toContain("BAD[9].close");
    }
  });

  it("gives bit-identical datasets from columnar input and from candle objects", () => {
    const a = makeCandles(50, { seed: 3 });
    const b = makeCandles(40, { seed: 4, startMs: Date.UTC(2024, 0, 9) });
    const columns = (c: typeof a) => ({
      timestamps: Float64Array.from(c, (x) => Date.parse(x.timestamp)),
      closes: Float64Array.from(c, (x) => x.close),
    });
    const fromObjects = buildDataset({ A: a, B: b }, spec);
    const fromColumns = buildDataset({ A: columns(a), B: columns(b) }, spec);
    const mixed = buildDataset({ A: columns(a), B: b }, spec);
    expect(fromColumns).toEqual(fromObjects);
    // Float64Array columns are read in place and left untouched.
    const cols = columns(a);
    const before = [cols.timestamps.slice(), cols.closes.slice()];
    buildDataset({ A: cols }, spec);
    expect([cols.timestamps, cols.closes]).toEqual(before);
    expect(mixed).toEqual(fromObjects);
  });

  it("checks columnar input like candles", () => {
    const ok = { timestamps: [1, 2, 3, 4, 5, 6, 7, 8], closes: [1, 2, 3, 4, 5, 6, 7, 8] };
    const small = { lookback: 2, features: ["close"] } as const;
    expect(buildDataset({ A: ok }, small).rows).toBe(7);
    expect(
      codeOf(() => buildDataset({ A: { ...ok, timestamps: [1, 2, 2, 4, 5, 6, 7, 8] } }, small)),
    ).toBe("UNSORTED_INPUT");
    expect(
      codeOf(() =>
        buildDataset({ A: { ...ok, closes: [1, 2, Number.NaN, 4, 5, 6, 7, 8] } }, small),
      ),
    ).toBe("INVALID_CANDLE");
    expect(codeOf(() => buildDataset({ A: { ...ok, timestamps: [1, 2, 3] } }, small))).toBe(
      "INVALID_INPUT",
    );
    expect(codeOf(() => buildDataset({ A: { rows: 3 } as never }, small))).toBe("INVALID_INPUT");
  });

  it("passes a bad spec through as the FeatureError of @mle/features", () => {
    expect(() =>
      buildDataset({ A: makeCandles(30) }, { lookback: 1, features: ["close"] }),
    ).toThrow(expect.objectContaining({ name: "FeatureError" }));
  });
});
