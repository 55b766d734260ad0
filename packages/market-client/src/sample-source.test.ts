import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isMarketDataError } from "./errors";
import { SAMPLE_PROCESS } from "./sample-price-path";
import { createSampleSource } from "./sample-source";
import fixture from "./sample-source.fixture.json";

function logReturns(closes: number[]): number[] {
  const r: number[] = [];
  for (let i = 1; i < closes.length; i++) r.push(Math.log(closes[i]! / closes[i - 1]!));
  return r;
}

function lag1Autocorrelation(x: number[]): number {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    den += (x[i]! - mean) ** 2;
    if (i > 0) num += (x[i]! - mean) * (x[i - 1]! - mean);
  }
  return num / den;
}

describe("createSampleSource", () => {
  it("gives identical candles for the same symbol and seed across source instances", async () => {
    const a = await createSampleSource({ seed: 7 }).getCandles("AAPL", { limit: 500 });
    const b = await createSampleSource({ seed: 7 }).getCandles("aapl", { limit: 500 });
    expect(b).toEqual(a);
  });

  it("gives different candles for another symbol or another seed", async () => {
    const base = await createSampleSource({ seed: 7 }).getCandles("AAPL", { limit: 50 });
    const otherSymbol = await createSampleSource({ seed: 7 }).getCandles("MSFT", { limit: 50 });
    const otherSeed = await createSampleSource({ seed: 8 }).getCandles("AAPL", { limit: 50 });
    expect(otherSymbol.map((c) => c.close)).not.toEqual(base.map((c) => c.close));
    expect(otherSeed.map((c) => c.close)).not.toEqual(base.map((c) => c.close));
  });

  it("ends on the fixed end date and steps one calendar day at a time", async () => {
    const candles = await createSampleSource().getCandles("SPY", { limit: 400 });
    expect(candles).toHaveLength(400);
    expect(candles.at(-1)!.timestamp).toBe("2025-12-31T00:00:00.000Z");
    for (let i = 1; i < candles.length; i++) {
      expect(Date.parse(candles[i]!.timestamp) - Date.parse(candles[i - 1]!.timestamp)).toBe(
        86_400_000,
      );
    }
  });

  it("returns the same candle for a date whatever the limit or end date", async () => {
    const source = createSampleSource({ seed: 3 });
    const long = await source.getCandles("TSLA", { limit: 5000 });
    const short = await source.getCandles("TSLA", { limit: 10 });
    expect(short).toEqual(long.slice(-10));
    const earlier = await createSampleSource({ seed: 3, endDate: "2025-06-30" }).getCandles(
      "TSLA",
      {
        limit: 100,
      },
    );
    const byDate = new Map(long.map((c) => [c.timestamp, c]));
    expect(earlier.at(-1)!.timestamp).toBe("2025-06-30T00:00:00.000Z");
    for (const c of earlier) expect(byDate.get(c.timestamp)).toEqual(c);
  });

  it("keeps low <= open, close <= high, positive prices and integer volume >= 0 over the whole history", async () => {
    const candles = await createSampleSource({ seed: 11 }).getCandles("BTC-USD", { limit: 30_000 });
    expect(candles.length).toBeGreaterThanOrEqual(20_000);
    const broken = candles.filter(
      (c) =>
        !(c.low > 0) ||
        !(c.low <= Math.min(c.open, c.close)) ||
        !(c.high >= Math.max(c.open, c.close)) ||
        !Number.isFinite(c.high) ||
        !Number.isInteger(c.volume) ||
        c.volume < 0,
    );
    expect(broken).toEqual([]);
  });

  it("has positive lag-1 autocorrelation of log returns near the documented phi", async () => {
    const source = createSampleSource();
    for (const symbol of ["AAPL", "MSFT", "ETH-USD", "X"]) {
      const candles = await source.getCandles(symbol, { limit: 20_000 });
      const rho = lag1Autocorrelation(logReturns(candles.map((c) => c.close)));
      expect(rho).toBeGreaterThan(0.05);
      expect(Math.abs(rho - SAMPLE_PROCESS.phi)).toBeLessThan(0.05);
    }
  });

  it("shows volatility clustering: squared returns are positively autocorrelated", async () => {
    const candles = await createSampleSource().getCandles("AAPL", { limit: 20_000 });
    const squared = logReturns(candles.map((c) => c.close)).map((r) => r * r);
    expect(lag1Autocorrelation(squared)).toBeGreaterThan(0.05);
  });

  it("caps the count at maxCandles", async () => {
    const candles = await createSampleSource({ maxCandles: 30 }).getCandles("AAPL", { limit: 100 });
    expect(candles).toHaveLength(30);
  });

  it("rejects an invalid symbol with INVALID_SYMBOL", async () => {
    await expect(createSampleSource().getCandles("BAD SYMBOL", { limit: 5 })).rejects.toSatisfy(
      (e) => isMarketDataError(e, "INVALID_SYMBOL"),
    );
  });

  it("rejects a malformed end date with CONFIG_ERROR", () => {
    expect(() => createSampleSource({ endDate: "2025-02-30" })).toThrow(/endDate/);
  });

  it("rejects an aborted signal before doing any work", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(
      createSampleSource().getCandles("AAPL", { limit: 5, signal: controller.signal }),
    ).rejects.toThrow("stop");
  });
});

describe("sample source regression fixture", () => {
  it("reproduces the committed candles bit for bit (sha256 of the JSON of the whole history)", async () => {
    const source = createSampleSource({ seed: fixture.seed, endDate: fixture.endDate });
    for (const [symbol, expected] of Object.entries(fixture.symbols)) {
      const candles = await source.getCandles(symbol, { limit: 100_000 });
      expect(candles.length).toBe(expected.count);
      expect(candles[0]).toEqual(expected.first);
      expect(candles.at(-1)).toEqual(expected.last);
      expect(createHash("sha256").update(JSON.stringify(candles)).digest("hex")).toBe(
        expected.sha256,
      );
    }
  });
});
