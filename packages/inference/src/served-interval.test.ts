import { buildDataset } from "@mle/dataset";
import { createSampleSource } from "@mle/market-client";
import { EVALUATION_FILE, intervalOffsets, type ServedInterval } from "@mle/trainer";
import { saveSample, trainSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { tempRegistryPerTest } from "../test/fixtures";
import { isInferenceError } from "./errors";
import { createPredictor } from "./predictor";

const sample = createSampleSource({ seed: 7 });
const temp = tempRegistryPerTest();

/** The dataset row of the last candle, as training computes it. */
async function lastRow(lookback: number, columns: readonly string[]): Promise<Float64Array> {
  const candles = await sample.getCandles("AAPL", { limit: lookback + 1 });
  const next = { timestamp: "2100-01-01T00:00:00.000Z", close: 1 };
  const ds = buildDataset({ AAPL: [...candles, next] }, { lookback, features: [...columns] });
  return ds.X.slice((ds.rows - 1) * ds.cols, ds.rows * ds.cols);
}

async function saveWithInterval(interval: unknown, features?: readonly string[]): Promise<string> {
  const artifacts = await trainSample(sample, {
    evaluation: true,
    ...(features ? { features } : {}),
  });
  const evaluation = artifacts.files![EVALUATION_FILE];
  const files = { [EVALUATION_FILE]: { ...evaluation, interval } };
  return (await temp.registry.save({ ...artifacts, files }, { activate: true })).version;
}

describe("the served interval", () => {
  it("comes from the split-conformal calibration of evaluation.json, bit-identical to the trainer's formula", async () => {
    const version = await saveSample(temp.registry, sample, { evaluation: true });
    const loaded = await temp.registry.load(version);
    const stored = (loaded.files[EVALUATION_FILE] as { interval: ServedInterval }).interval;
    expect(stored).toMatchObject({
      method: "split-conformal",
      scale_feature: "rolling_volatility",
    });
    const predictor = createPredictor({ registry: temp.registry, source: sample, cacheTtlMs: 0 });
    const p = await predictor.predict("AAPL");
    const [lo, hi] = intervalOffsets(stored, p.features.rolling_volatility!);
    expect(p.prediction_interval).toEqual({
      lower: p.prediction + lo,
      upper: p.prediction + hi,
      level: 0.9,
      method: "split-conformal",
    });
    expect(Object.is(p.prediction_interval.upper - p.prediction, hi)).toBe(true);
    // The row path (Open Inference, MLflow) serves the same bounds from the same feature row.
    const snapshot = await predictor.snapshot();
    const row = await lastRow(10, snapshot.columns);
    const [r] = snapshot.predictRows(row);
    expect(r!.prediction_interval).toEqual(p.prediction_interval);
  });

  it("keeps the validation residual quantiles, bit for bit, for a version without evaluation.json", async () => {
    const version = await saveSample(temp.registry, sample);
    expect((await temp.registry.load(version)).files).toEqual({});
    const p = await createPredictor({ registry: temp.registry, source: sample }).predict("AAPL");
    const { q05, q95 } = (
      (await temp.registry.load(version)).model as {
        residuals: { quantiles: { q05: number; q95: number } };
      }
    ).residuals.quantiles;
    expect(Object.is(p.prediction_interval.lower, p.prediction + q05)).toBe(true);
    expect(Object.is(p.prediction_interval.upper, p.prediction + q95)).toBe(true);
    expect(p.prediction_interval.method).toBe("validation-residual-quantiles");
  });

  it("serves the stored fallback offsets and an unscaled conformal width as recorded", async () => {
    await saveWithInterval({
      method: "validation-residual-quantiles",
      level: 0.9,
      calibration_size: 4,
      reason: "too few scores",
      lower_offset: -0.03,
      upper_offset: 0.02,
    });
    const predictor = createPredictor({
      registry: temp.registry,
      source: sample,
      cacheTtlMs: 0,
      reloadCheckMs: 0,
    });
    const a = await predictor.predict("AAPL");
    expect(a.prediction_interval).toEqual({
      lower: a.prediction - 0.03,
      upper: a.prediction + 0.02,
      level: 0.9,
      method: "validation-residual-quantiles",
    });
    await saveWithInterval(
      {
        method: "split-conformal",
        level: 0.9,
        calibration_set: "walk_forward_test",
        calibration_size: 99,
        scale_feature: null,
        rank: 90,
        quantile: 0.025,
      },
      ["close", "simple_return", "moving_average"],
    );
    const b = await predictor.predict("AAPL");
    expect(b.model_version).toBe("v2");
    expect(b.prediction_interval).toMatchObject({
      lower: b.prediction - 0.025,
      upper: b.prediction + 0.025,
      method: "split-conformal",
    });
  });

  it("refuses at load time an evaluation whose interval this build cannot serve (INCOMPATIBLE_MODEL)", async () => {
    const conformal = {
      method: "split-conformal",
      level: 0.9,
      calibration_set: "walk_forward_test",
      calibration_size: 99,
      scale_feature: "rolling_volatility",
      rank: 90,
      quantile: 1.7,
    };
    const cases: [unknown, readonly string[] | undefined, RegExp][] = [
      [{ ...conformal, level: 0.8 }, undefined, /evaluation\.json interval\.level/],
      [{ ...conformal, method: "adaptive" }, undefined, /interval\.method/],
      [conformal, ["close", "simple_return", "moving_average"], /not a model column/],
    ];
    for (const [interval, features, message] of cases) {
      const version = await saveWithInterval(interval, features);
      const error = await createPredictor({ registry: temp.registry, source: sample })
        .predict("AAPL", { version })
        .catch((e: unknown) => e);
      expect(isInferenceError(error) && error.code).toBe("INCOMPATIBLE_MODEL");
      expect((error as Error).message).toMatch(message);
    }
  });
});
