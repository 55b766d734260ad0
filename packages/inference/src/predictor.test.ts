import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildDataset } from "@mle/dataset";
import { createSampleSource } from "@mle/market-client";
import { loadModel } from "@mle/trainer";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { countingSource, errorCode, manualClock, tempRegistryPerTest } from "../test/fixtures";
import { directionConfidence } from "./confidence";
import { isInferenceError } from "./errors";
import { createPredictor } from "./predictor";

const sample = createSampleSource({ seed: 7 });
const temp = tempRegistryPerTest();

/**
 * Trains on `spec`, predicts AAPL from a source whose history ends a day before the training
 * candles' (2025-12-30), and finds the served row in the training dataset of 400 candles.
 */
async function servedAndTrained(spec: { lookback: number; features: readonly string[] }) {
  await saveSample(temp.registry, sample, spec);
  const serving = createSampleSource({ seed: 7, endDate: "2025-12-30" });
  const p = await createPredictor({ registry: temp.registry, source: serving }).predict("AAPL");
  const history = await sample.getCandles("AAPL", { limit: 400 });
  const ds = buildDataset(
    { AAPL: history },
    { lookback: spec.lookback, features: [...spec.features] },
  );
  return { p, ds, at: Array.from(ds.timestamps).indexOf(Date.parse(p.timestamp)) };
}

describe("createPredictor", () => {
  it("predicts with the stored model exactly as the trainer would on the dataset row of the same candles", async () => {
    const version = await saveSample(temp.registry, sample, { lookback: 12 });
    const predictor = createPredictor({ registry: temp.registry, source: sample, cacheTtlMs: 0 });
    const p = await predictor.predict("aapl");

    const candles = await sample.getCandles("AAPL", { limit: 13 });
    const next = { timestamp: "2100-01-01T00:00:00.000Z", close: 1 };
    const spec = {
      lookback: 12,
      features: ["close", "simple_return", "moving_average", "rolling_volatility"] as const,
    };
    const ds = buildDataset({ AAPL: [...candles, next] }, spec);
    const last = ds.rows - 1;
    const row = ds.X.subarray(last * ds.cols, (last + 1) * ds.cols);
    const loadedModel = loadModel((await temp.registry.load(version)).model);
    const { artifact } = loadedModel;

    expect(p.symbol).toBe("AAPL");
    expect(p.model_version).toBe(version);
    expect(p.timestamp).toBe(candles.at(-1)!.timestamp);
    expect(new Date(ds.timestamps[last]!).toISOString()).toBe(p.timestamp);
    expect(Object.keys(p.features)).toEqual([...spec.features]);
    expect(spec.features.map((name) => p.features[name])).toEqual(Array.from(row));
    spec.features.forEach((name, j) => {
      expect(Object.is(p.features[name], row[j])).toBe(true);
    });
    expect(p.prediction).toBe(loadedModel.predictRow(row));
    expect(p.confidence).toBe(directionConfidence(p.prediction, artifact.residuals));
    expect(p.prediction_interval).toEqual({
      lower: p.prediction + artifact.residuals.quantiles.q05,
      upper: p.prediction + artifact.residuals.quantiles.q95,
      level: 0.9,
      method: "validation-residual-quantiles",
    });
  });

  it("matches the training-time row built from the whole history, recursive features included", async () => {
    const spec = {
      lookback: 5,
      features: ["close", "moving_average", "rolling_volatility", "ema", "rsi", "zscore"] as const,
    };
    // Training saw 400 days up to 2025-12-31, so the 2025-12-30 row served is a labelled
    // training row computed from a much longer history.
    const { p, ds, at } = await servedAndTrained(spec);
    expect(p.timestamp).toBe("2025-12-30T00:00:00.000Z");
    expect(at).toBe(ds.rows - 1);
    spec.features.forEach((name, j) => {
      const trained = ds.X[at * ds.cols + j]!;
      expect(Math.abs(p.features[name]! - trained), name).toBeLessThanOrEqual(
        1e-9 * Math.abs(trained),
      );
    });
  });

  it("matches the training-time row for columns that read OHLCV (atr, vwap, Yang–Zhang, volume z-score)", async () => {
    const spec = {
      lookback: 10,
      features: [
        "close",
        "atr_14",
        "vwap_20",
        "yang_zhang_volatility_10",
        "volume_zscore",
        "close_location_value",
      ] as const,
    };
    const { p, ds, at } = await servedAndTrained(spec);
    expect(at).toBe(ds.rows - 1);
    spec.features.forEach((name, j) => {
      const trained = ds.X[at * ds.cols + j]!;
      expect(Number.isFinite(p.features[name]), name).toBe(true);
      // atr is a Wilder recursion (equal within its declared convergence); the windowed sums
      // differ only by rounding, since training started them 400 candles earlier
      expect(Math.abs(p.features[name]! - trained), name).toBeLessThanOrEqual(
        1e-9 * Math.abs(trained),
      );
    });
  });

  it("reports the four default columns even when the model uses other ones", async () => {
    await saveSample(temp.registry, sample, { lookback: 5, features: ["log_return", "zscore"] });
    const p = await createPredictor({ registry: temp.registry, source: sample }).predict("MSFT");
    expect(Object.keys(p.features).sort()).toEqual(
      [
        "close",
        "log_return",
        "moving_average",
        "rolling_volatility",
        "simple_return",
        "zscore",
      ].sort(),
    );
  });

  it("needs only the candles the model's own columns need, omitting reporting columns a short history cannot fill", async () => {
    const version = await saveSample(temp.registry, sample, {
      lookback: 20,
      features: ["close", "simple_return"],
    });
    const short = createSampleSource({ seed: 7, maxCandles: 5 });
    const p = await createPredictor({ registry: temp.registry, source: short }).predict("AAPL");
    expect(p.model_version).toBe(version);
    expect(Object.keys(p.features).sort()).toEqual(["close", "simple_return"]);
    const candles = await short.getCandles("AAPL", { limit: 5 });
    const [a, b] = candles.slice(-2).map((c) => c.close) as [number, number];
    expect(p.features.close).toBe(b);
    const loadedModel = loadModel((await temp.registry.load(version)).model);
    const row = Float64Array.from([p.features.close!, p.features.simple_return!]);
    expect(p.prediction).toBe(loadedModel.predictRow(row));
    expect(Math.abs(p.features.simple_return! - (b / a - 1))).toBeLessThan(1e-15);

    const full = await createPredictor({ registry: temp.registry, source: sample }).predict("AAPL");
    expect(Object.keys(full.features).sort()).toEqual(
      ["close", "moving_average", "rolling_volatility", "simple_return"].sort(),
    );
  });

  it("answers NO_ACTIVE_MODEL with the command to train when the registry is empty", async () => {
    const predictor = createPredictor({ registry: temp.registry, source: sample });
    await expect(predictor.predict("AAPL")).rejects.toThrow("pnpm --filter @mle/cli train");
    expect(await errorCode(predictor.predict("AAPL"))).toBe("NO_ACTIVE_MODEL");
    expect(await predictor.readiness()).toMatchObject({
      ready: false,
      version: null,
      code: "NO_ACTIVE_MODEL",
    });
  });

  it("picks up a newly activated version once reloadCheckMs has passed, without a restart", async () => {
    const clock = manualClock();
    const v1 = await saveSample(temp.registry, sample);
    const predictor = createPredictor({
      registry: temp.registry,
      source: sample,
      clock: clock.now,
      reloadCheckMs: 250,
    });
    expect((await predictor.predict("AAPL")).model_version).toBe(v1);
    const v2 = await saveSample(temp.registry, sample, { lookback: 6 });
    clock.advance(100);
    expect((await predictor.predict("AAPL")).model_version).toBe(v1);
    clock.advance(150);
    expect((await predictor.predict("AAPL")).model_version).toBe(v2);
    expect(await predictor.readiness()).toEqual({ ready: true, version: v2 });
    expect(predictor.stats().predictionsByVersion).toEqual({ [v1]: 2, [v2]: 1 });
  });

  it("finishes a request in flight on the model it started with", async () => {
    const source = countingSource(sample);
    const v1 = await saveSample(temp.registry, sample);
    const predictor = createPredictor({
      registry: temp.registry,
      source,
      reloadCheckMs: 0,
      cacheTtlMs: 0,
    });
    source.hold();
    const inFlight = predictor.predict("AAPL");
    while (source.calls === 0) await new Promise((r) => setTimeout(r, 1));
    const v2 = await saveSample(temp.registry, sample, { lookback: 6 });
    source.release();
    expect((await inFlight).model_version).toBe(v1);
    expect((await predictor.predict("AAPL")).model_version).toBe(v2);
  });

  it("serves a requested version, accepts 'active' as an alias and refuses unknown versions", async () => {
    const v1 = await saveSample(temp.registry, sample);
    const v2 = await saveSample(temp.registry, sample, { lookback: 6 });
    const predictor = createPredictor({ registry: temp.registry, source: sample });
    expect((await predictor.predict("AAPL", { version: v1 })).model_version).toBe(v1);
    expect((await predictor.predict("AAPL", { version: "active" })).model_version).toBe(v2);
    expect(await errorCode(predictor.predict("AAPL", { version: "v99" }))).toBe("MODEL_NOT_FOUND");
    expect(await errorCode(predictor.predict("AAPL", { version: "../v1" }))).toBe(
      "INVALID_VERSION",
    );
  });

  it("refuses a malformed version name as INVALID_VERSION, not MODEL_NOT_FOUND", async () => {
    await saveSample(temp.registry, sample);
    const predictor = createPredictor({ registry: temp.registry, source: sample });
    for (const version of ["v01", "v0", "V1", "", "v1 ", "../v1", "a/b"]) {
      expect(await errorCode(predictor.predict("AAPL", { version }))).toBe("INVALID_VERSION");
    }
    const items = await predictor.predictBatch(["AAPL"], { version: "v01" }).catch((e) => e);
    expect(isInferenceError(items) && items.code).toBe("INVALID_VERSION");
    // A safe name that is not a version is an alias; an unset one is not found.
    expect(await errorCode(predictor.predict("AAPL", { version: "latest" }))).toBe(
      "ALIAS_NOT_FOUND",
    );
  });

  it("serves an alias by the version it points at, and follows a move within reloadCheckMs", async () => {
    const v1 = await saveSample(temp.registry, sample);
    const v2 = await saveSample(temp.registry, sample);
    await temp.registry.setAlias("champion", v1);
    let now = 0;
    const predictor = createPredictor({
      registry: temp.registry,
      source: sample,
      reloadCheckMs: 100,
      clock: () => now,
    });
    expect((await predictor.predict("AAPL", { version: "champion" })).model_version).toBe(v1);
    await temp.registry.setAlias("champion", v2);
    expect((await predictor.predict("AAPL", { version: "champion" })).model_version).toBe(v1);
    now += 101;
    expect((await predictor.predict("AAPL", { version: "champion" })).model_version).toBe(v2);
  });

  it("keeps serving the last good model when the newly active version is damaged, and says so", async () => {
    const v1 = await saveSample(temp.registry, sample);
    const predictor = createPredictor({
      registry: temp.registry,
      source: sample,
      reloadCheckMs: 0,
    });
    expect((await predictor.predict("AAPL")).model_version).toBe(v1);
    const v2 = await saveSample(temp.registry, sample, { lookback: 6 });
    await writeFile(join(temp.dir, v2, "model.json"), "{}");
    expect((await predictor.predict("AAPL")).model_version).toBe(v1);
    const readiness = await predictor.readiness();
    expect(readiness).toMatchObject({ ready: false, version: v1, code: "MODEL_CORRUPT" });
    expect(readiness.reason).toContain(v2);
    expect(readiness.reason).toContain(`still serving ${v1}`);
    expect(await errorCode(predictor.predict("AAPL", { version: v2 }))).toBe("MODEL_CORRUPT");
  });

  it("reports a served version whose files were damaged after loading, while still serving it", async () => {
    const v1 = await saveSample(temp.registry, sample);
    const predictor = createPredictor({
      registry: temp.registry,
      source: sample,
      reloadCheckMs: 0,
    });
    await predictor.predict("AAPL");
    await writeFile(join(temp.dir, v1, "model.json"), '{"tampered":true}');
    const readiness = await predictor.readiness();
    expect(readiness).toMatchObject({ ready: false, version: v1, code: "MODEL_CORRUPT" });
    expect((await predictor.predict("AAPL")).model_version).toBe(v1);
  });

  it("refuses at load time a model whose feature columns cannot be produced", async () => {
    const v1 = await saveSample(temp.registry, sample);
    const loaded = await temp.registry.load(v1);
    const model = loaded.model as { feature_spec: { features: string[] } };
    const alienColumns = ["close", "macd_line", "moving_average", "rolling_volatility"];
    const alien = { ...model, feature_spec: { ...model.feature_spec, features: alienColumns } };
    const { version: bad } = await temp.registry.save(
      {
        model: alien,
        metadata: {},
        metrics: loaded.metrics,
        featureColumns: alienColumns,
        datasetSummary: loaded.datasetSummary,
      },
      { activate: true },
    );
    const predictor = createPredictor({ registry: temp.registry, source: sample });
    const error = await predictor.predict("AAPL", { version: bad }).catch((e: unknown) => e);
    expect(isInferenceError(error) && error.code).toBe("INCOMPATIBLE_MODEL");
    expect((error as Error).message).toContain("macd_line");
    // the active pointer names the incompatible model and nothing good was loaded before
    expect(await errorCode(predictor.predict("AAPL"))).toBe("INCOMPATIBLE_MODEL");
    expect(await predictor.readiness()).toMatchObject({ ready: false, code: "INCOMPATIBLE_MODEL" });
  });

  it("shares one upstream fetch between concurrent requests for a symbol, even with the cache off", async () => {
    await saveSample(temp.registry, sample);
    const source = countingSource(sample);
    const predictor = createPredictor({ registry: temp.registry, source, cacheTtlMs: 0 });
    const results = await Promise.all(Array.from({ length: 20 }, () => predictor.predict("AAPL")));
    expect(source.calls).toBe(1);
    expect(new Set(results.map((r) => r.prediction)).size).toBe(1);
    await predictor.predict("AAPL");
    expect(source.calls).toBe(2);
  });

  it("reuses a feature vector for cacheTtlMs of the injected clock, then fetches again", async () => {
    await saveSample(temp.registry, sample);
    const clock = manualClock();
    const source = countingSource(sample);
    const predictor = createPredictor({
      registry: temp.registry,
      source,
      cacheTtlMs: 1000,
      clock: clock.now,
    });
    const first = await predictor.predict("AAPL");
    clock.advance(999);
    const second = await predictor.predict("AAPL");
    expect(source.calls).toBe(1);
    expect(second.features).toBe(first.features);
    clock.advance(1);
    await predictor.predict("AAPL");
    expect(source.calls).toBe(2);
    expect(predictor.stats().cache).toEqual({ hits: 1, misses: 2, fetches: 2 });
  });

  it("rejects an aborted caller without cancelling the fetch other callers share", async () => {
    await saveSample(temp.registry, sample);
    const source = countingSource(sample);
    const predictor = createPredictor({ registry: temp.registry, source, cacheTtlMs: 0 });
    source.hold();
    const controller = new AbortController();
    const aborted = predictor.predict("AAPL", { signal: controller.signal });
    const other = predictor.predict("AAPL");
    while (source.calls === 0) await new Promise((r) => setTimeout(r, 1));
    controller.abort(new Error("client went away"));
    await expect(aborted).rejects.toThrow("client went away");
    source.release();
    expect((await other).symbol).toBe("AAPL");
    expect(source.calls).toBe(1);
  });
});

describe("predictBatch", () => {
  it("deduplicates symbols, shares fetches and reports bad symbols per item", async () => {
    const v1 = await saveSample(temp.registry, sample);
    const source = countingSource(sample);
    const predictor = createPredictor({
      registry: temp.registry,
      source,
      cacheTtlMs: 0,
      batchConcurrency: 2,
    });
    const items = await predictor.predictBatch(["AAPL", "msft", "aapl", "../etc", "MSFT", "GOOG"]);
    expect(items.map((i) => [i.symbol, i.ok])).toEqual([
      ["AAPL", true],
      ["MSFT", true],
      ["../etc", false],
      ["GOOG", true],
    ]);
    expect(source.calls).toBe(3);
    const bad = items[2]!;
    expect(!bad.ok && bad.error).toMatchObject({ code: "INVALID_SYMBOL" });
    const single = await predictor.predict("GOOG");
    const goog = items[3]!;
    expect(goog.ok && goog.result).toEqual(single);
    expect(goog.ok && goog.result.model_version).toBe(v1);
  });

  it("fails the whole batch when there is no model", async () => {
    const predictor = createPredictor({ registry: temp.registry, source: sample });
    expect(await errorCode(predictor.predictBatch(["AAPL"]))).toBe("NO_ACTIVE_MODEL");
  });

  it("reports INSUFFICIENT_DATA for a symbol with too little history", async () => {
    await saveSample(temp.registry, sample, { lookback: 10 });
    const short = createSampleSource({ seed: 7, maxCandles: 5 });
    const items = await createPredictor({ registry: temp.registry, source: short }).predictBatch([
      "AAPL",
    ]);
    expect(!items[0]!.ok && items[0]!.error).toMatchObject({
      code: "INSUFFICIENT_DATA",
    });
  });
});

describe("cold upstream fetches", () => {
  it("run at most maxConcurrentFetches at once: a batch of 40 new symbols never opens more", async () => {
    await saveSample(temp.registry, sample);
    let running = 0;
    let peak = 0;
    const slow = {
      kind: "sample" as const,
      async getCandles(symbol: string, options: { limit: number }) {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        try {
          return await sample.getCandles(symbol, options);
        } finally {
          running--;
        }
      },
    };
    const predictor = createPredictor({
      registry: temp.registry,
      source: slow,
      maxConcurrentFetches: 4,
      batchConcurrency: 40,
    });
    const symbols = Array.from({ length: 40 }, (_, i) => `S${i}`);
    const items = await predictor.predictBatch(symbols);
    expect(items.filter((i) => i.ok)).toHaveLength(40);
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(4);
    // Single requests share the same bound.
    peak = 0;
    await Promise.all(symbols.map((s) => predictor.predict(`${s}X`)));
    expect(peak).toBeLessThanOrEqual(4);
  });
});
