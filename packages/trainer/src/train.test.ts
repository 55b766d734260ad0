import { buildDataset, type Dataset, DEFAULT_FEATURES } from "@mle/dataset";
import { describe, expect, it } from "vitest";
import { ar1Candles } from "./ar1.fixture";
import { isTrainerError } from "./errors";
import { loadModel } from "./load-model";
import type { TrainProgress } from "./options";
import { parseModel } from "./parse-model";
import { codeOf } from "./test-support";
import { train } from "./train";

const spec = { lookback: 10, features: [...DEFAULT_FEATURES] };

function pooled(phi: number, symbols = 5, candles = 3000): Dataset {
  const bySymbol: Record<string, ReturnType<typeof ar1Candles>> = {};
  for (let s = 0; s < symbols; s++) bySymbol[`S${s}`] = ar1Candles(candles, phi, 1000 + s);
  return buildDataset(bySymbol, spec);
}

describe("train", () => {
  const withSkill = pooled(0.3);
  const options = { alpha: 1, validationFraction: 0.2, folds: 4, gap: 1 };

  it("finds the planted AR(1) skill: beats both baselines out of sample", () => {
    const { model, metrics, split } = train(withSkill, options);
    const v = metrics.validation;
    // ~3000 validation rows: the DA estimate has std ≈ 0.009; the process gives 0.5 + asin(0.3)/π ≈ 0.597.
    expect(split.validationRows).toBeGreaterThan(2900);
    expect(v.model.directional_accuracy).toBeGreaterThan(0.56);
    expect(v.model.directional_accuracy - v.baseline_mean.directional_accuracy).toBeGreaterThan(
      0.04,
    );
    expect(v.baseline_zero.directional_accuracy).toBe(0);
    // R² of the best linear predictor is phi² = 0.09.
    expect(v.model.r2).toBeGreaterThan(0.05);
    expect(v.model.rmse).toBeLessThan(v.baseline_zero.rmse);
    expect(v.model.rmse).toBeLessThan(v.baseline_mean.rmse);
    if (model.kind !== "ridge") throw new Error("expected a ridge model");
    const returnCoef =
      model.body.coefficients[model.feature_spec.features.indexOf("simple_return")]!;
    expect(returnCoef).toBeGreaterThan(0);
    expect(metrics.cv.mean.directional_accuracy).toBeGreaterThan(0.56);
  });

  it("shows no directional skill on an i.i.d. process", () => {
    const { metrics } = train(pooled(0), options);
    // ~3000 rows, std ≈ 0.009: 0.5 ± 0.04 is over 4 standard deviations.
    expect(Math.abs(metrics.validation.model.directional_accuracy - 0.5)).toBeLessThan(0.04);
    expect(metrics.validation.model.r2).toBeLessThan(0.01);
  });

  it("is deterministic: the same data and options give a byte-identical model.json", () => {
    const a = JSON.stringify(train(withSkill, options).model);
    const b = JSON.stringify(train(pooled(0.3), options).model);
    expect(a).toBe(b);
    expect(JSON.stringify(train(withSkill, { ...options, alpha: 2 }).model)).not.toBe(a);
  });

  it("writes a model.json that parseModel accepts and that predicts like the training code", () => {
    const { model, split } = train(withSkill, options);
    const parsed = parseModel(JSON.parse(JSON.stringify(model)));
    expect(parsed).toEqual(model);
    expect(parsed.feature_spec).toEqual({ lookback: 10, features: [...DEFAULT_FEATURES] });
    const i = split.validation.start;
    const row = withSkill.X.subarray(i * withSkill.cols, (i + 1) * withSkill.cols);
    expect(loadModel(parsed).predictRow(row)).toBe(loadModel(model).predictRow(row));
    expect(model.residuals.n).toBe(split.validationRows);
    expect(model.residuals.quantiles.q05).toBeLessThan(0);
    expect(model.residuals.quantiles.q95).toBeGreaterThan(0);
    // Residual std on validation is close to the innovation sigma 0.01.
    expect(model.residuals.std).toBeGreaterThan(0.009);
    expect(model.residuals.std).toBeLessThan(0.011);
  });

  it("reports per-fold CV metrics whose mean is the reported mean, each fold after its train rows", () => {
    const events: TrainProgress[] = [];
    const { metrics, split } = train(withSkill, { ...options, onProgress: (e) => events.push(e) });
    expect(metrics.cv.folds).toHaveLength(4);
    const mean = metrics.cv.folds.reduce((s, f) => s + f.model.rmse, 0) / 4;
    expect(metrics.cv.mean.rmse).toBeCloseTo(mean, 15);
    for (const f of metrics.cv.folds) {
      expect(f.train_rows + f.test_rows).toBeLessThanOrEqual(split.trainRows);
    }
    expect(events.map((e) => e.stage)).toEqual([
      "split",
      "cv",
      "cv",
      "cv",
      "cv",
      "fit",
      "evaluate",
    ]);
    expect(events.every((e) => e.message.length > 0)).toBe(true);
    expect(metrics.train.model.n).toBe(split.trainRows);
    expect(metrics.validation.model.n).toBe(split.validationRows);
  });

  it("rejects impossible options and too little data with codes", () => {
    expect(codeOf(() => train(withSkill, { folds: 1 }))).toBe("INVALID_OPTIONS");
    expect(codeOf(() => train(withSkill, { validationFraction: 1.5 }))).toBe("INVALID_OPTIONS");
    expect(codeOf(() => train(withSkill, { alpha: -1 }))).toBe("INVALID_OPTIONS");
    expect(codeOf(() => train(withSkill, { gap: 0.5 }))).toBe("INVALID_OPTIONS");
    const tiny = buildDataset({ A: ar1Candles(16, 0.3, 1) }, spec);
    expect(codeOf(() => train(tiny, { folds: 5 }))).toBe("INSUFFICIENT_ROWS");
  });

  it("trains any kind of the table from a model spec, with the same split and CV", () => {
    const events: TrainProgress[] = [];
    const { alpha: _alpha, ...split } = options;
    const gbdt = train(withSkill, {
      ...split,
      model: { type: "gbdt", n_trees: 10, max_depth: 2 },
      onProgress: (e) => events.push(e),
    });
    expect(gbdt.model.kind).toBe("gbdt");
    expect(gbdt.model.hyperparameters).toMatchObject({
      n_trees: 10,
      max_depth: 2,
      learning_rate: 0.1,
    });
    expect(events.some((e) => e.stage === "iteration")).toBe(true);
    const ridge = train(withSkill, options);
    expect(gbdt.split).toEqual(ridge.split);
    expect(gbdt.metrics.cv.folds.map((f) => f.test_rows)).toEqual(
      ridge.metrics.cv.folds.map((f) => f.test_rows),
    );
    const explicit = train(withSkill, { ...split, model: { type: "ridge", alpha: 1 } });
    expect(JSON.stringify(explicit.model)).toBe(JSON.stringify(ridge.model));
  });

  it("names the bad hyperparameter of a model spec", () => {
    const pathOf = (model: unknown) => {
      try {
        train(withSkill, { model: model as never });
      } catch (e) {
        return isTrainerError(e) ? `${e.code} ${e.path}` : String(e);
      }
      return "no error";
    };
    expect(pathOf({ type: "gbdt", n_trees: 0 })).toBe("INVALID_OPTIONS model.n_trees");
    expect(pathOf({ type: "gbdt", depth: 3 })).toBe("INVALID_OPTIONS model.depth");
    expect(pathOf({ type: "svm" })).toBe("INVALID_OPTIONS model.type");
    expect(pathOf({ type: "ridge", alpha: -1 })).toBe("INVALID_OPTIONS model.alpha");
  });
});
