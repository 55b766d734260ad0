import { describe, expect, it } from "vitest";
import { buildDataset } from "./build";
import { makeCandles } from "./candles.fixture";
import { datasetHash } from "./hash";
import { summarizeDataset } from "./summary";

const spec = { lookback: 4, features: ["close", "simple_return"] } as const;

describe("summarizeDataset", () => {
  it("reports counts, date range and hand-checkable column statistics", () => {
    const ds = buildDataset({ B: makeCandles(20, { seed: 2 }), A: makeCandles(25) }, spec);
    const s = summarizeDataset(ds);
    expect(s.rows).toBe(ds.rows);
    expect(s.symbols).toEqual(["A", "B"]);
    // close + simple_return are defined from the second candle on, whatever the lookback.
    expect(s.per_symbol.A).toEqual({
      candles: 25,
      kept: 23,
      dropped_warmup: 1,
      dropped_no_label: 1,
    });
    expect(s.per_symbol.B).toEqual({
      candles: 20,
      kept: 18,
      dropped_warmup: 1,
      dropped_no_label: 1,
    });
    expect(s.dropped).toEqual({ warmup: 2, no_label: 2 });
    expect(s.date_range.start).toBe(new Date(ds.timestamps[0]!).toISOString());
    expect(s.date_range.end).toBe(new Date(ds.timestamps[ds.rows - 1]!).toISOString());

    const ys = Array.from(ds.y);
    const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
    const std = Math.sqrt(ys.reduce((a, b) => a + (b - mean) ** 2, 0) / (ys.length - 1));
    expect(s.target.mean).toBeCloseTo(mean, 15);
    expect(s.target.std).toBeCloseTo(std, 15);
    expect(s.target.min).toBe(Math.min(...ys));
    expect(s.target.max).toBe(Math.max(...ys));
    const closes = Array.from({ length: ds.rows }, (_, i) => ds.X[i * 2]!);
    expect(s.features.close!.max).toBe(Math.max(...closes));
    expect(s.features.close!.min).toBe(Math.min(...closes));
  });

  it("hashes bit-identical datasets identically and any one-bit change differently", () => {
    const a = buildDataset({ A: makeCandles(40) }, spec);
    const b = buildDataset({ A: makeCandles(40) }, spec);
    expect(summarizeDataset(a).content_hash).toBe(summarizeDataset(b).content_hash);
    expect(datasetHash(a)).toMatch(/^[0-9a-f]{64}$/);

    const bits = new Uint8Array(b.X.buffer);
    bits[17]! ^= 1;
    expect(datasetHash(b)).not.toBe(datasetHash(a));
    bits[17]! ^= 1;
    expect(datasetHash(b)).toBe(datasetHash(a));

    const renamed = { ...a, symbols: ["Z"] };
    expect(datasetHash(renamed)).not.toBe(datasetHash(a));
    const changedTarget = buildDataset(
      { A: makeCandles(40).map((c, i) => (i === 39 ? { ...c, close: c.close + 1 } : c)) },
      spec,
    );
    expect(datasetHash(changedTarget)).not.toBe(datasetHash(a));
  });

  it("is plain JSON data", () => {
    const s = summarizeDataset(buildDataset({ A: makeCandles(30) }, spec));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
