/**
 * A deliberately leaking feature, and what does and does not expose it.
 *
 * `peek` at row t is the next bar's return plus noise: it reads candle t + 1, one bar ahead of
 * the row. Every split of a dataset computed in batch carries the peek in its test rows too, so
 * a shuffled split, an un-embargoed walk-forward and the embargoed walk-forward all "find skill".
 * The embargo removes shared candles between train and test (what it is for, checked in
 * @mle/dataset's embargo test); a look-ahead inside every row is exposed only by computing the
 * test rows' features as serving does, from candles up to the row (point in time). That is the
 * evaluation at the end: same model, point-in-time features, no skill left.
 */
import { buildDataset, type Dataset, DEFAULT_FEATURES } from "@mle/dataset";
import { describe, expect, it } from "vitest";
import { ar1Candles } from "../ar1.fixture";
import { kindOf } from "../kinds/table";
import { train } from "../train";
import { collectOutOfSample } from "./out-of-sample";
import { forecastStatistics } from "./forecast-statistics";

const spec = { lookback: 10, features: [...DEFAULT_FEATURES] };

function noise(seed: number, n: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * 0.02;
  }
  return out;
}

/** The dataset plus a `peek` column: value(i) for row i. */
function withColumn(ds: Dataset, value: (i: number) => number): Dataset {
  const cols = ds.cols + 1;
  const X = new Float64Array(ds.rows * cols);
  for (let i = 0; i < ds.rows; i++) {
    X.set(ds.X.subarray(i * ds.cols, (i + 1) * ds.cols), i * cols);
    X[i * cols + ds.cols] = value(i);
  }
  return { ...ds, cols, X, featureColumns: [...ds.featureColumns, "peek" as "close"] };
}

/** Rows in a seeded random order, re-stamped in that order: a "chronological" split of it is a shuffled split. */
function shuffled(ds: Dataset): Dataset {
  const order = Array.from({ length: ds.rows }, (_, i) => i);
  const r = noise(7, ds.rows);
  for (let i = ds.rows - 1; i > 0; i--) {
    const j = Math.floor((r[i]! / 0.02 + 0.5) * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const X = new Float64Array(ds.X.length);
  const y = new Float64Array(ds.rows);
  order.forEach((src, dst) => {
    X.set(ds.X.subarray(src * ds.cols, (src + 1) * ds.cols), dst * ds.cols);
    y[dst] = ds.y[src]!;
  });
  return { ...ds, X, y };
}

describe("a feature that peeks one bar ahead", () => {
  // An i.i.d. return process: no honest feature has skill.
  const honest = buildDataset({ A: ar1Candles(2500, 0, 11) }, spec);
  const jitter = noise(3, honest.rows);
  const leaky = withColumn(honest, (i) => honest.y[i]! + jitter[i]!);
  const skill = (ds: Dataset, gap: number | "auto") => train(ds, { folds: 4, gap }).evaluation;

  it("scores well on a shuffled split", () => {
    const e = skill(shuffled(leaky), "auto");
    expect(e.verdict.skill).toBe(true);
    expect(e.validation.zero.oos_r2.defined && e.validation.zero.oos_r2.r2).toBeGreaterThan(0.2);
  });

  it("scores well on walk-forward folds without and with the embargo (the peek is in every test row)", () => {
    for (const gap of [0, "auto"] as const) {
      const e = skill(leaky, gap);
      expect(e.verdict.skill).toBe(true);
      expect(
        e.walk_forward.zero.clark_west.defined && e.walk_forward.zero.clark_west.p_value,
      ).toBeLessThan(1e-6);
    }
    expect(skill(leaky, "auto").folds.embargo).toMatchObject({
      history: 10,
      gap: 11,
      source: "auto",
    });
  });

  it("is exposed when the test rows get point-in-time features, as serving computes them", () => {
    const result = train(leaky, { folds: 4 });
    const { validation } = result.split;
    // At prediction time candle t + 1 does not exist: the newest return a feature can read is
    // the row's own bar, so the point-in-time peek is that return (plus the same noise).
    const pit = withColumn(honest, (i) => (i > 0 ? honest.y[i - 1]! : 0) + jitter[i]!);
    const predicted = kindOf("ridge")
      .load(result.model.body as never)
      .predictRange(pit, validation);
    const stats = forecastStatistics(
      collectOutOfSample(pit, [
        { fold: -1, train: result.split.train, test: validation, predicted },
      ]),
    );
    const cw = stats.zero.clark_west;
    expect(cw.defined && cw.p_value).toBeGreaterThan(0.05);
    expect(stats.zero.oos_r2.defined && stats.zero.oos_r2.r2).toBeLessThan(0);
  });

  it("an honest feature set on the same process shows no skill, with or without the embargo", () => {
    expect(skill(honest, "auto").verdict.skill).toBe(false);
    expect(skill(honest, 0).verdict.skill).toBe(false);
  });
});
