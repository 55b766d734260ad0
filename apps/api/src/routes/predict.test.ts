import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDataset } from "@mle/dataset";
import { createCsvSource, createSampleSource } from "@mle/market-client";
import { loadModel } from "@mle/trainer";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { json, tempRegistryPerTest } from "../../test/inference-support";

const source = createSampleSource({ seed: 11 });
const DEFAULTS = ["close", "simple_return", "moving_average", "rolling_volatility"] as const;
const temp = tempRegistryPerTest();

async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = await json<{ error: { code: string; message: string } }>(res);
  return { status: res.status, code: body.error.code, message: body.error.message };
}

type PredictionBody = {
  symbol: string;
  prediction: number;
  confidence: number;
  model_version: string;
  features: Record<string, number>;
  timestamp: string;
  prediction_interval: { lower: number; upper: number; level: number };
};

describe("GET /predict", () => {
  it("answers with a prediction from the active model, also under /api/v1", async () => {
    const v1 = await saveSample(temp.registry, source);
    const a = await temp.startApi({ source, registry: temp.registry });
    const res = await a.get("/predict?symbol=aapl");
    expect(res.status).toBe(200);
    const body = await json<PredictionBody>(res);
    expect(body.symbol).toBe("AAPL");
    expect(body.model_version).toBe(v1);
    expect(Object.keys(body.features)).toEqual([...DEFAULTS]);
    expect(body.confidence).toBeGreaterThanOrEqual(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(body.prediction_interval.level).toBe(0.9);
    expect(body.prediction_interval.lower).toBeLessThan(body.prediction_interval.upper);
    const candles = await source.getCandles("AAPL", { limit: 1 });
    expect(body.timestamp).toBe(candles[0]!.timestamp);
    expect(await json(await a.get("/api/v1/predict?symbol=AAPL"))).toEqual(body);
  });

  it("returns exactly the features and prediction the training code builds for the same candles (no skew)", async () => {
    const v1 = await saveSample(temp.registry, source, { lookback: 14 });
    const a = await temp.startApi(
      { source, registry: temp.registry },
      { INFERENCE_CACHE_TTL_MS: "0" },
    );
    const body = await json<PredictionBody>(await a.get("/predict?symbol=NVDA"));

    // The candles the server used: the model's warm-up (14) + 1, the most recent ones.
    const candles = await source.getCandles("NVDA", { limit: 15 });
    expect(body.timestamp).toBe(candles.at(-1)!.timestamp);
    // One more (label-only) candle so the last real candle becomes a labelled dataset row.
    const labelled = [...candles, { timestamp: "2100-01-01T00:00:00.000Z", close: 1 }];
    const ds = buildDataset({ NVDA: labelled }, { lookback: 14, features: [...DEFAULTS] });
    const last = ds.rows - 1;
    expect(new Date(ds.timestamps[last]!).toISOString()).toBe(body.timestamp);
    const row = Array.from(ds.X.subarray(last * ds.cols, (last + 1) * ds.cols));
    expect(DEFAULTS.map((name) => body.features[name])).toEqual(row);
    // JSON numbers round-trip doubles exactly, so equality here is bit-identity.
    for (const [j, name] of DEFAULTS.entries()) {
      expect(Object.is(body.features[name], row[j])).toBe(true);
    }
    const model = loadModel((await temp.registry.load(v1)).model);
    expect(body.prediction).toBe(model.predictRow(row));
  });

  it("serves a requested version and accepts 'active' as an alias", async () => {
    const v1 = await saveSample(temp.registry, source);
    const v2 = await saveSample(temp.registry, source, { lookback: 6 });
    const a = await temp.startApi({ source, registry: temp.registry });
    expect(
      (await json<PredictionBody>(await a.get(`/predict?symbol=AAPL&version=${v1}`))).model_version,
    ).toBe(v1);
    expect(
      (await json<PredictionBody>(await a.get("/predict?symbol=AAPL&version=active")))
        .model_version,
    ).toBe(v2);
    expect(await errorOf(await a.get("/predict?symbol=AAPL&version=v99"))).toMatchObject({
      status: 404,
      code: "MODEL_NOT_FOUND",
    });
    expect(await errorOf(await a.get("/predict?symbol=AAPL&version=latest"))).toMatchObject({
      status: 404,
      code: "ALIAS_NOT_FOUND",
    });
    for (const bad of ["v0", "v01", "..%2Fv1", "v1234567890", "a/b"]) {
      expect(await errorOf(await a.get(`/predict?symbol=AAPL&version=${bad}`))).toMatchObject({
        status: 422,
        code: "VALIDATION_ERROR",
      });
    }
  });

  it("answers 503 NO_ACTIVE_MODEL with how to train when nothing is trained, while /health answers", async () => {
    const a = await temp.startApi({ source, registry: temp.registry });
    const err = await errorOf(await a.get("/predict?symbol=AAPL"));
    expect(err).toMatchObject({ status: 503, code: "NO_ACTIVE_MODEL" });
    expect(err.message).toContain("pnpm --filter @mle/cli train");
    expect((await a.get("/health")).status).toBe(200);
    const ready = await a.get("/ready");
    expect(ready.status).toBe(503);
    expect(await json(ready)).toMatchObject({
      ready: false,
      version: null,
      code: "NO_ACTIVE_MODEL",
    });
  });

  it("validates the symbol: missing or malformed is 422 VALIDATION_ERROR", async () => {
    await saveSample(temp.registry, source);
    const a = await temp.startApi({ source, registry: temp.registry });
    for (const q of [
      "",
      "?symbol=",
      "?symbol=..%2F..%2Fetc%2Fpasswd",
      `?symbol=${"A".repeat(21)}`,
      "?symbol=A%00B",
    ]) {
      expect(await errorOf(await a.get(`/predict${q}`))).toMatchObject({
        status: 422,
        code: "VALIDATION_ERROR",
      });
    }
  });

  it("maps data errors: 404 SYMBOL_NOT_FOUND and 422 INSUFFICIENT_DATA", async () => {
    await saveSample(temp.registry, source, { lookback: 10 });
    const empty = await mkdtemp(join(tmpdir(), "mle-csv-"));
    try {
      const csv = await temp.startApi({
        source: createCsvSource({ dir: empty }),
        registry: temp.registry,
      });
      expect(await errorOf(await csv.get("/predict?symbol=ZZZZ"))).toMatchObject({
        status: 404,
        code: "SYMBOL_NOT_FOUND",
      });
      const short = await temp.startApi({
        source: createSampleSource({ seed: 11, maxCandles: 5 }),
        registry: temp.registry,
      });
      expect(await errorOf(await short.get("/predict?symbol=AAPL"))).toMatchObject({
        status: 422,
        code: "INSUFFICIENT_DATA",
      });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("answers 503 MODEL_CORRUPT for a tampered version and 503 INCOMPATIBLE_MODEL for an unservable one", async () => {
    const v1 = await saveSample(temp.registry, source);
    const loaded = await temp.registry.load(v1);
    const model = loaded.model as { feature_spec: { lookback: number }; feature_columns: string[] };
    const { version: bad } = await temp.registry.save({
      model: {
        ...model,
        feature_spec: {
          lookback: 10,
          features: ["close", "macd_line", "moving_average", "rolling_volatility"],
        },
        feature_columns: ["close", "macd_line", "moving_average", "rolling_volatility"],
      },
      metadata: {},
      metrics: loaded.metrics,
      featureColumns: ["close", "macd_line", "moving_average", "rolling_volatility"],
      datasetSummary: loaded.datasetSummary,
    });
    const v3 = await saveSample(temp.registry, source, { activate: false });
    await writeFile(join(temp.dir, v3, "model.json"), "{}");
    const a = await temp.startApi({ source, registry: temp.registry });
    expect(await errorOf(await a.get(`/predict?symbol=AAPL&version=${bad}`))).toMatchObject({
      status: 503,
      code: "INCOMPATIBLE_MODEL",
    });
    const corrupt = await errorOf(await a.get(`/predict?symbol=AAPL&version=${v3}`));
    expect(corrupt).toMatchObject({ status: 503, code: "MODEL_CORRUPT" });
    expect(corrupt.message).not.toContain(temp.dir);
  });
});
