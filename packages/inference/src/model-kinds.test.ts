import { buildDataset } from "@mle/dataset";
import { createSampleSource } from "@mle/market-client";
import { loadModel } from "@mle/trainer";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { tempRegistryPerTest } from "../test/fixtures";
import { directionConfidence } from "./confidence";
import { createPredictor } from "./predictor";

const sample = createSampleSource({ seed: 7 });
const temp = tempRegistryPerTest();

/** The v1 `mle.ridge` layout of a v2 ridge envelope, as the code before model kinds wrote it. */
interface RidgeEnvelope {
  feature_spec: { features: string[] };
  hyperparameters: { alpha: number };
  residuals: unknown;
  body: { scaler: unknown; coefficients: unknown; intercept: unknown };
}

function toLegacy(envelope: RidgeEnvelope): Record<string, unknown> {
  return {
    format: "mle.ridge",
    format_version: 1,
    feature_spec: envelope.feature_spec,
    feature_columns: envelope.feature_spec.features,
    scaler: envelope.body.scaler,
    coefficients: envelope.body.coefficients,
    intercept: envelope.body.intercept,
    alpha: envelope.hyperparameters.alpha,
    residuals: envelope.residuals,
  };
}

async function lastRow(lookback: number, features: readonly string[]) {
  const candles = await sample.getCandles("AAPL", { limit: 400 });
  const next = { timestamp: "2100-01-01T00:00:00.000Z", close: 1 };
  const ds = buildDataset(
    { AAPL: [...candles, next] },
    {
      lookback,
      features: features as never,
    },
  );
  const last = ds.rows - 1;
  return ds.X.slice(last * ds.cols, (last + 1) * ds.cols);
}

describe("serving every model kind", () => {
  it("serves a v1 mle.ridge model.json exactly like its v2 envelope", async () => {
    const v1 = await saveSample(temp.registry, sample, { activate: false });
    const loaded = await temp.registry.load(v1);
    const legacy = toLegacy(loaded.model as RidgeEnvelope);
    const { version: old } = await temp.registry.save(
      {
        model: legacy,
        metadata: {},
        metrics: loaded.metrics,
        featureColumns: loaded.featureColumns,
        datasetSummary: loaded.datasetSummary,
      },
      { activate: true },
    );
    const predictor = createPredictor({ registry: temp.registry, source: sample, cacheTtlMs: 0 });
    const a = await predictor.predict("AAPL", { version: v1 });
    const b = await predictor.predict("AAPL", { version: old });
    expect(Object.is(a.prediction, b.prediction)).toBe(true);
    expect(b.confidence).toBe(a.confidence);
    expect(b.prediction_interval).toEqual(a.prediction_interval);
  });

  it("serves a gbdt model with confidence and interval from its validation residuals", async () => {
    const version = await saveSample(temp.registry, sample, {
      model: { type: "gbdt", n_trees: 20, max_depth: 3 },
    });
    const predictor = createPredictor({ registry: temp.registry, source: sample, cacheTtlMs: 0 });
    const p = await predictor.predict("AAPL");
    const model = loadModel((await temp.registry.load(version)).model);
    expect(model.kind).toBe("gbdt");
    const row = await lastRow(10, model.columns);
    expect(Object.is(p.prediction, model.predictRow(row))).toBe(true);
    const r = model.artifact.residuals;
    expect(p.confidence).toBe(directionConfidence(p.prediction, r));
    expect(p.prediction_interval).toEqual({
      lower: p.prediction + r.quantiles.q05,
      upper: p.prediction + r.quantiles.q95,
      level: 0.9,
      method: "validation-residual-quantiles",
    });
    const [batch] = await predictor.predictBatch(["AAPL"]);
    expect(batch).toMatchObject({ ok: true, result: { prediction: p.prediction } });
  });
});
