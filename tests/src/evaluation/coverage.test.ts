/**
 * The served 90 % interval on data the model never saw: train on the sample source up to the
 * end of 2023 (four symbols pooled, as `mle train` does), then predict every day of 2024 and
 * 2025 with the saved model.json and the interval from its evaluation report. The covered
 * count must fall in the binomial 99 % band of 90 % (scipy's binom.interval, checked against
 * scipy in @mle/evaluation). The sample source is GARCH(1,1): the interval follows volatility
 * through `rolling_volatility` (normalized split-conformal), which is what keeps it in the band.
 */
import { buildDataset, type Dataset } from "@mle/dataset";
import { binomialBand, empiricalCoverage, intervalMisses, kupiecPof } from "@mle/evaluation";
import { createSampleSource } from "@mle/market-client";
import { intervalOffsets, loadModel, SCALE_FEATURE, train } from "@mle/trainer";
import { describe, expect, it } from "vitest";

const SYMBOLS = ["AAPL", "MSFT", "GOOG", "AMZN"];
const spec = {
  lookback: 20,
  features: ["close", "simple_return", "moving_average", "rolling_volatility"] as const,
};

async function candles(endDate: string, limit: number) {
  const source = createSampleSource({ seed: 42, endDate });
  const out: Record<string, Awaited<ReturnType<typeof source.getCandles>>> = {};
  for (const s of SYMBOLS) out[s] = await source.getCandles(s, { limit });
  return out;
}

describe("the served interval on unseen data", () => {
  it("covers 2024-2025 of the sample source within the binomial 99 % band of 90 %", async () => {
    const result = train(
      buildDataset(await candles("2023-12-31", 1000), { ...spec, features: [...spec.features] }),
      {
        folds: 5,
      },
    );
    expect(result.evaluation.interval).toMatchObject({
      method: "split-conformal",
      scale_feature: SCALE_FEATURE,
    });

    // The unseen years, with enough earlier candles for the features of 2024-01-01.
    const unseen: Dataset = buildDataset(await candles("2025-12-31", 731 + spec.lookback + 1), {
      ...spec,
      features: [...spec.features],
    });
    let start = 0;
    while (unseen.timestamps[start]! < Date.UTC(2024, 0, 1)) start++;
    const range = { start, end: unseen.rows };
    const predicted = loadModel(result.model).predictRange(unseen, range);
    const scaleCol = unseen.featureColumns.indexOf(SCALE_FEATURE);
    const n = range.end - range.start;
    const lower = new Float64Array(n);
    const upper = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const [lo, hi] = intervalOffsets(
        result.evaluation.interval,
        unseen.X[(start + i) * unseen.cols + scaleCol]!,
      );
      lower[i] = predicted[i]! + lo;
      upper[i] = predicted[i]! + hi;
    }
    const actual = unseen.y.subarray(range.start, range.end);
    const coverage = empiricalCoverage(actual, lower, upper);
    const band = binomialBand(n, 0.9, 0.99);
    expect(n).toBe(4 * 730); // 2025-12-31 has no next close to label it
    if (!coverage.defined) throw new Error(coverage.message);
    expect(coverage.covered).toBeGreaterThanOrEqual(band.lower);
    expect(coverage.covered).toBeLessThanOrEqual(band.upper);
    const pof = kupiecPof(intervalMisses(actual, lower, upper), 0.9);
    expect(pof.defined && pof.p_value).toBeGreaterThan(0.01);
  });
});
