import { createSampleSource } from "@mle/market-client";
import { computeFeatureRows, DEFAULT_FEATURES } from "@mle/features";
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
});
