import { buildDataset, DEFAULT_FEATURES } from "@mle/dataset";
import { describe, expect, it } from "vitest";
import { ar1Candles } from "./ar1.fixture";
import { loadModel } from "./load-model";
import { train } from "./train";

describe("loadModel probe rows", () => {
  const dataset = buildDataset(
    { A: ar1Candles(600, 0.3, 7) },
    { lookback: 10, features: [...DEFAULT_FEATURES] },
  );
  const options = { validationFraction: 0.2, folds: 2, gap: 1 };

  it("ridge probes the training means and one scale either side", () => {
    const { model } = train(dataset, options);
    const { means, scales } = (model.body as { scaler: { means: number[]; scales: number[] } })
      .scaler;
    const rows = loadModel(model).probeRows;
    expect(rows).toEqual([
      means,
      means.map((m, i) => m + scales[i]!),
      means.map((m, i) => m - scales[i]!),
    ]);
    for (const row of rows) expect(Number.isFinite(loadModel(model).predictRow(row))).toBe(true);
  });

  it("a kind without its own probe rows is probed at one row of zeros", () => {
    const { model } = train(dataset, { ...options, model: { type: "gbdt", n_trees: 3 } });
    expect(loadModel(model).probeRows).toEqual([[0, 0, 0, 0]]);
  });
});
