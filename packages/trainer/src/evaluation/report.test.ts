import { buildDataset, DEFAULT_FEATURES } from "@mle/dataset";
import { describe, expect, it } from "vitest";
import { ar1Candles } from "../ar1.fixture";
import { train } from "../train";
import { formatP } from "./verdict";

const spec = { lookback: 10, features: [...DEFAULT_FEATURES] };
const data = (phi: number, seed = 5) =>
  buildDataset({ A: ar1Candles(2000, phi, seed), B: ar1Candles(2000, phi, seed + 1) }, spec);

describe("the evaluation report of a training run", () => {
  it("finds the planted AR(1) skill with every test and says so in the verdict", () => {
    const e = train(data(0.3), { folds: 4 }).evaluation;
    expect(e.verdict.skill).toBe(true);
    expect(e.verdict.direction_skill).toBe(true);
    expect(e.verdict.text).toMatch(
      /^beats the zero forecast \(CW p < 0\.001 validation, p < 0\.001 walk-forward\), direction skill PT p < 0\.001$/,
    );
    const z = e.validation.zero;
    expect(z.oos_r2.defined && z.oos_r2.r2).toBeGreaterThan(0.03);
    expect(
      z.diebold_mariano_squared.defined && z.diebold_mariano_squared.p_value_less,
    ).toBeLessThan(0.001);
    expect(e.validation.prevailing_mean.clark_west.defined).toBe(true);
  });

  it("finds no skill on an i.i.d. process and names the p-values", () => {
    const e = train(data(0, 9), { folds: 4 }).evaluation;
    expect(e.verdict.skill).toBe(false);
    expect(e.verdict.text).toMatch(
      /^no evidence of skill over the zero forecast \(DM p = [0-9.]+, CW p = [0-9.]+ validation; CW p = [0-9.]+ walk-forward\), /,
    );
  });

  it("records the embargo, the calibration set and the served interval; no NaN anywhere", () => {
    const result = train(data(0.1), { folds: 4 });
    const e = result.evaluation;
    expect(e.folds.embargo).toEqual({ history: 10, label_horizon: 1, gap: 11, source: "auto" });
    expect(train(data(0.1), { folds: 4, gap: 3 }).evaluation.folds.embargo).toMatchObject({
      gap: 3,
      source: "option",
    });
    expect(e.interval).toMatchObject({
      method: "split-conformal",
      level: 0.9,
      calibration_set: "walk_forward_test",
      calibration_size: result.predictions.walkForward.actual.length,
      scale_feature: "rolling_volatility",
    });
    expect(e.folds.test_rows).toBe(e.interval.calibration_size);
    const json = JSON.stringify(e);
    expect(JSON.parse(json)).toEqual(e);
    expect(json).not.toMatch(/NaN|Infinity/);
  });

  it("uses an unscaled interval when the spec has no rolling volatility", () => {
    const ds = buildDataset(
      { A: ar1Candles(1500, 0.2, 3) },
      { lookback: 5, features: ["simple_return"] },
    );
    const e = train(ds, { folds: 3 }).evaluation;
    expect(e.interval).toMatchObject({ method: "split-conformal", scale_feature: null });
    expect(e.folds.embargo.gap).toBe(2);
  });

  it("is deterministic: the same data and options give byte-identical evaluation JSON", () => {
    expect(JSON.stringify(train(data(0.2), { folds: 4 }).evaluation)).toBe(
      JSON.stringify(train(data(0.2), { folds: 4 }).evaluation),
    );
  });

  it("formats p-values for people", () => {
    expect([
      formatP(0.41),
      formatP(0.0478),
      formatP(0.003),
      formatP(0.0004),
      formatP(null),
    ]).toEqual(["0.41", "0.048", "0.0030", "< 0.001", "n/a"]);
  });
});
