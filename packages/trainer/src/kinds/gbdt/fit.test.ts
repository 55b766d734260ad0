import { describe, expect, it } from "vitest";
import { isTrainerError } from "../../errors";
import { loadModel } from "../../load-model";
import { paramDefaults } from "../params";
import { fitRidge } from "../ridge/fit";
import { predictRange as ridgePredict } from "../ridge/predict";
import { fitGbdt } from "./fit";
import { gbdtKind } from "./kind";
import { type GbdtParams, gbdtParams } from "./params";
import { rmse, synthetic } from "./synthetic.fixture";

const defaults = paramDefaults(gbdtParams) as GbdtParams;
const ctx = { seed: 1, onProgress: () => {} };
const params = (p: Partial<GbdtParams>): GbdtParams => ({ ...defaults, ...p });

describe("fitGbdt", () => {
  const sigma = 0.3;
  const data = synthetic(10_000, 11, sigma);
  const train = { start: 0, end: 8000 };
  const test = { start: 8000, end: 10_000 };
  const actual = data.y.subarray(test.start, test.end);

  it("learns a nonlinear target to within 10% of the noise floor, where ridge cannot", () => {
    const p = params({ n_trees: 300, max_depth: 4, learning_rate: 0.1, min_samples_leaf: 20 });
    const model = gbdtKind.load(fitGbdt(data, train, p, ctx).body);
    const gbdt = rmse(actual, model.predictRange(data, test));
    const ridge = rmse(actual, ridgePredict(fitRidge(data, train, { alpha: 1 }), data, test));
    expect(gbdt).toBeLessThan(1.1 * sigma);
    expect(ridge).toBeGreaterThan(1.1 * sigma);
  });

  it("never increases the training loss from one tree to the next", () => {
    const fit = fitGbdt(data, train, params({ n_trees: 60, max_depth: 3 }), ctx);
    expect(fit.trainLoss).toHaveLength(60);
    for (let t = 1; t < fit.trainLoss.length; t++) {
      expect(fit.trainLoss[t]!).toBeLessThanOrEqual(fit.trainLoss[t - 1]!);
    }
  });

  it("grows, as one tree of depth 1, the best stump found by brute force", () => {
    const small = synthetic(200, 5, 0.3, 3);
    const range = { start: 0, end: 200 };
    const p = params({
      n_trees: 1,
      max_depth: 1,
      learning_rate: 1,
      l2_leaf_reg: 0,
      min_samples_leaf: 1,
    });
    const tree = fitGbdt(small, range, p, ctx).body.trees[0]!;
    // Brute force: every feature, every cut between two distinct sorted values, least squared error.
    let best = { sse: Number.POSITIVE_INFINITY, feature: -1, threshold: 0, left: 0, right: 0 };
    for (let j = 0; j < 3; j++) {
      const values = [...new Set(Array.from({ length: 200 }, (_, i) => small.X[i * 3 + j]!))].sort(
        (a, b) => a - b,
      );
      for (const t of values.slice(0, -1)) {
        const l: number[] = [];
        const r: number[] = [];
        for (let i = 0; i < 200; i++) (small.X[i * 3 + j]! <= t ? l : r).push(small.y[i]!);
        const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
        const sse = (a: number[], m: number) => a.reduce((s, v) => s + (v - m) ** 2, 0);
        const total = sse(l, mean(l)) + sse(r, mean(r));
        if (total < best.sse)
          best = { sse: total, feature: j, threshold: t, left: mean(l), right: mean(r) };
      }
    }
    const base = small.y.reduce((s, v) => s + v, 0) / 200;
    expect(tree.feature[0]).toBe(best.feature);
    expect(tree.threshold[0]).toBe(best.threshold);
    expect(base + tree.value[tree.left[0]!]!).toBeCloseTo(best.left, 12);
    expect(base + tree.value[tree.right[0]!]!).toBeCloseTo(best.right, 12);
  });

  it("stops early on the inner tail and keeps the trees up to its best loss", () => {
    const noise = synthetic(3000, 3, 1, 3);
    noise.y.forEach((_, i) => {
      noise.y[i] =
        noise.y[i]! - Math.sin(3 * noise.X[i * 3]!) - noise.X[i * 3 + 1]! * noise.X[i * 3 + 2]!;
    });
    const p = params({
      n_trees: 200,
      max_depth: 4,
      early_stopping_rounds: 5,
      early_stopping_fraction: 0.2,
    });
    const fit = fitGbdt(noise, { start: 0, end: 3000 }, p, ctx);
    expect(fit.fitRows).toBe(2400);
    expect(fit.tailRows).toBe(600);
    expect(fit.tailLoss.length).toBeLessThan(200);
    const best = fit.tailLoss.indexOf(Math.min(...fit.tailLoss));
    expect(fit.body.trees).toHaveLength(best + 1);
    expect(fit.tailLoss.length).toBe(best + 1 + 5);
  });

  it("is deterministic: same data, params and seed give byte-identical bodies; the seed drives subsampling", () => {
    const p = params({ n_trees: 20, max_depth: 3, subsample: 0.5 });
    const a = JSON.stringify(fitGbdt(data, train, p, { ...ctx, seed: 7 }).body);
    expect(JSON.stringify(fitGbdt(data, train, p, { ...ctx, seed: 7 }).body)).toBe(a);
    expect(JSON.stringify(fitGbdt(data, train, p, { ...ctx, seed: 8 }).body)).not.toBe(a);
  });

  it("predicts from the saved artifact exactly as the in-memory model, bit for bit", () => {
    const body = fitGbdt(
      data,
      train,
      params({ n_trees: 30, max_depth: 5, subsample: 0.7 }),
      ctx,
    ).body;
    const artifact = {
      format: "mle.model",
      format_version: 2,
      kind: "gbdt",
      feature_spec: {
        lookback: 10,
        features: ["close", "simple_return", "log_return", "ema", "rsi"],
      },
      hyperparameters: {},
      residuals: {
        n: 0,
        mean: 0,
        std: 0,
        mae: 0,
        quantiles: { q05: 0, q50: 0, q95: 0 },
        target_std: 0,
        directional_accuracy: 0,
      },
      body,
    };
    const saved = loadModel(JSON.parse(JSON.stringify(artifact)));
    const memory = gbdtKind.load(body);
    const all = { start: 0, end: 10_000 };
    const a = saved.predictRange(data, all);
    const b = memory.predictRange(data, all);
    for (let i = 0; i < a.length; i++) {
      if (!Object.is(a[i], b[i])) throw new Error(`row ${i}: ${a[i]} !== ${b[i]}`);
    }
    const row = data.X.subarray(8000 * 5, 8001 * 5);
    expect(Object.is(saved.predictRow(row), a[8000])).toBe(true);
  });

  it("refuses non-finite data and too few rows with codes", () => {
    const bad = synthetic(50, 1, 0.3, 3);
    bad.X[7] = Number.NaN;
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return isTrainerError(e) ? e.code : String(e);
      }
      return "no error";
    };
    expect(codeOf(() => fitGbdt(bad, { start: 0, end: 50 }, defaults, ctx))).toBe("INVALID_DATA");
    expect(codeOf(() => fitGbdt(bad, { start: 0, end: 1 }, defaults, ctx))).toBe(
      "INSUFFICIENT_ROWS",
    );
  });
});
