/**
 * The served 90 % interval on real prices the model never saw: R's `datasets::EuStockMarkets`
 * (daily closes of DAX, SMI, CAC and FTSE, 1991-1998; `tests/fixtures/real/make-eustockmarkets.R`
 * writes them as candle CSVs). Train on the four indices pooled up to the end of 1995, save the
 * version with its evaluation.json, score every later day through `@mle/inference`'s row path and
 * check the covered count against the binomial 99 % band of 90 %. The data has closes only, so the
 * close-based default columns are used.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path, { join } from "node:path";
import { buildDataset, summarizeDataset } from "@mle/dataset";
import { binomialBand, empiricalCoverage, intervalMisses, kupiecPof } from "@mle/evaluation";
import { createPredictor, EVALUATION_FILE } from "@mle/inference";
import { createCsvSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { train } from "@mle/trainer";
import { afterAll, describe, expect, it } from "vitest";

const DIR = path.resolve(import.meta.dirname, "../../fixtures/real");
const SYMBOLS = ["DAX", "SMI", "CAC", "FTSE"];
const spec = {
  lookback: 20,
  features: ["close", "simple_return", "moving_average", "rolling_volatility"],
};
const UNSEEN_FROM = Date.UTC(1996, 0, 1);

describe("the served interval on real closes it never saw (EuStockMarkets, 1996-1998)", () => {
  let dir = "";
  afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it("covers the unseen years within the binomial 99 % band of 90 %", async () => {
    dir = await mkdtemp(join(tmpdir(), "mle-real-coverage-"));
    const source = createCsvSource({ dir: DIR });
    const all: Record<string, Awaited<ReturnType<typeof source.getCandles>>> = {};
    for (const s of SYMBOLS) all[s] = await source.getCandles(s, { limit: 5000 });
    const seen = Object.fromEntries(
      SYMBOLS.map((s) => [s, all[s]!.filter((c) => Date.parse(c.timestamp) < UNSEEN_FROM)]),
    );
    const trainSet = buildDataset(seen, spec);
    const result = train(trainSet, { folds: 5 });
    const registry = createRegistry({ dir });
    await registry.save({
      model: result.model,
      metadata: { symbols: SYMBOLS },
      metrics: result.metrics,
      featureColumns: [...trainSet.featureColumns],
      datasetSummary: summarizeDataset(trainSet),
      files: { [EVALUATION_FILE]: result.evaluation },
    });
    const full = buildDataset(all, spec);
    let start = 0;
    while (full.timestamps[start]! < UNSEEN_FROM) start++;
    const matrix = full.X.subarray(start * full.cols, full.rows * full.cols);
    const actual = full.y.slice(start, full.rows);
    const predictor = createPredictor({ registry, source });
    const rows = (await predictor.snapshot({ version: "v1" })).predictRows(matrix);
    predictor.close();
    const lower = Float64Array.from(rows, (r) => r.prediction_interval.lower);
    const upper = Float64Array.from(rows, (r) => r.prediction_interval.upper);
    const coverage = empiricalCoverage(actual, lower, upper);
    if (!coverage.defined) throw new Error(coverage.message);
    const band = binomialBand(actual.length, 0.9, 0.99);
    const pof = kupiecPof(intervalMisses(actual, lower, upper), 0.9);
    console.log(
      `real closes 1996-1998 (EuStockMarkets), ${actual.length} rows, band ${band.lower}-${band.upper}: covered ${coverage.covered} = ${(coverage.coverage * 100).toFixed(1)} %, Kupiec p = ${pof.defined ? pof.p_value.toFixed(3) : "n/a"}; verdict: ${result.evaluation.verdict.text}`,
    );
    expect(rows[0]!.prediction_interval.method).toBe("split-conformal");
    expect(coverage.covered).toBeGreaterThanOrEqual(band.lower);
    expect(coverage.covered).toBeLessThanOrEqual(band.upper);
  }, 60_000);
});
