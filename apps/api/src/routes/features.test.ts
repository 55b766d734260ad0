import { computeFeatureRows, DEFAULT_FEATURES } from "@mle/features";
import { createSampleSource } from "@mle/market-client";
import { describe, expect, it } from "vitest";
import { envelope, sampleApp } from "../../test/support";

type Body = { symbol: string; lookback: number; features: Array<Record<string, number | string>> };

describe("GET /features", () => {
  it("returns the last 100 rows by default, oldest first, with the documented columns", async () => {
    const res = await sampleApp().request("/features?symbol=aapl&lookback=20");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body;
    expect(body.symbol).toBe("AAPL");
    expect(body.lookback).toBe(20);
    expect(body.features).toHaveLength(100);
    expect(Object.keys(body.features[0]!)).toEqual([
      "timestamp",
      "close",
      "simple_return",
      "moving_average",
      "rolling_volatility",
    ]);
    const times = body.features.map((r) => Date.parse(String(r.timestamp)));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("matches @mle/features computed over the same sample candles", async () => {
    const source = createSampleSource();
    const res = await sampleApp({}, { source }).request("/features?symbol=MSFT&lookback=5&limit=7");
    const body = (await res.json()) as Body;
    const candles = await source.getCandles("MSFT", { limit: 12 });
    const expected = computeFeatureRows(candles, { lookback: 5, features: DEFAULT_FEATURES });
    expect(body.features).toEqual(expected);
  });

  it("answers the same at /api/v1/features", async () => {
    const app = sampleApp();
    const a = await (await app.request("/features?symbol=IBM&lookback=3&limit=4")).json();
    const b = await (await app.request("/api/v1/features?symbol=IBM&lookback=3&limit=4")).json();
    expect(b).toEqual(a);
  });

  it("answers 422 INSUFFICIENT_DATA when the source has fewer than lookback + 1 candles", async () => {
    const app = sampleApp({}, { source: createSampleSource({ maxCandles: 10 }) });
    const res = await app.request("/features?symbol=AAPL&lookback=10");
    expect(res.status).toBe(422);
    expect((await envelope(res)).code).toBe("INSUFFICIENT_DATA");
  });

  it("returns fewer than limit rows when history is short but long enough for one row", async () => {
    const app = sampleApp({}, { source: createSampleSource({ maxCandles: 12 }) });
    const body = (await (
      await app.request("/features?symbol=AAPL&lookback=10&limit=50")
    ).json()) as Body;
    expect(body.features).toHaveLength(2);
  });

  it("returns the columns asked for, each with its own parameters, as @mle/features computes them", async () => {
    const source = createSampleSource();
    const columns = "close,moving_average_5,moving_average_50,rsi_14,ema";
    const res = await sampleApp({}, { source }).request(
      `/features?symbol=MSFT&lookback=10&limit=3&columns=${columns}`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body & { columns: string[] };
    expect(body.columns).toEqual(columns.split(","));
    expect(Object.keys(body.features[0]!)).toEqual(["timestamp", ...columns.split(",")]);
    // rsi_14 and ema (window 10) are recursive: 3 rows + warm-up 49 + 20 × 14 candles of history
    const candles = await source.getCandles("MSFT", { limit: 3 + 49 + 280 });
    const expected = computeFeatureRows(candles, { lookback: 10, features: columns.split(",") });
    expect(body.features).toEqual(expected.slice(-3));
  });

  it("answers 422 VALIDATION_ERROR naming columns for an unknown column or a window above 250", async () => {
    const app = sampleApp();
    for (const columns of ["close,macd_line", "moving_average_1", "moving_average_251", ","]) {
      const res = await app.request(`/features?symbol=AAPL&lookback=5&columns=${columns}`);
      expect(res.status, columns).toBe(422);
      const body = await envelope(res);
      expect(body.code).toBe("VALIDATION_ERROR");
      expect(body.details?.[0]?.path, columns).toMatch(/^columns/);
    }
  });
});
