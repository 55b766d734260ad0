/**
 * The served 90 % interval on data the model never saw: train on the sample source up to the
 * end of 2023 (four symbols pooled, as `mle train` does), save the version with its
 * evaluation.json into a registry, then score every day of 2024 and 2025 through
 * `@mle/inference` (the predictor's row path, the one /predict, Open Inference and MLflow share).
 * The covered count must fall in the binomial 99 % band of 90 % (scipy's binom.interval, checked
 * against scipy in @mle/evaluation). The sample source is GARCH(1,1): the interval follows
 * volatility through `rolling_volatility` (normalized split-conformal), which is what keeps it in
 * the band. The same years with the interval an older version (no evaluation.json) serves, and
 * the calibration of the served `confidence`, are printed for the trainer README.
 *
 * Real prices are covered by `real-coverage.test.ts` (R's EuStockMarkets closes).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDataset, type Dataset, summarizeDataset } from "@mle/dataset";
import {
  binomialBand,
  calibrationBuckets,
  empiricalCoverage,
  intervalMisses,
  kupiecPof,
} from "@mle/evaluation";
import { createPredictor, EVALUATION_FILE, type RowPrediction } from "@mle/inference";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { SCALE_FEATURE, train, type TrainResult } from "@mle/trainer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SYMBOLS = ["AAPL", "MSFT", "GOOG", "AMZN"];
const spec = {
  lookback: 20,
  features: ["close", "simple_return", "moving_average", "rolling_volatility"],
};
const UNSEEN_FROM = Date.UTC(2024, 0, 1);

async function candles(endDate: string, limit: number) {
  const source = createSampleSource({ seed: 42, endDate });
  const out: Record<string, Awaited<ReturnType<typeof source.getCandles>>> = {};
  for (const s of SYMBOLS) out[s] = await source.getCandles(s, { limit });
  return out;
}

/** Served rows for every unseen dataset row, with the realised returns. */
interface Scored {
  readonly actual: Float64Array;
  readonly rows: RowPrediction[];
}

function coverageOf({ actual, rows }: Scored) {
  const lower = Float64Array.from(rows, (r) => r.prediction_interval.lower);
  const upper = Float64Array.from(rows, (r) => r.prediction_interval.upper);
  const coverage = empiricalCoverage(actual, lower, upper);
  if (!coverage.defined) throw new Error(coverage.message);
  const pof = kupiecPof(intervalMisses(actual, lower, upper), 0.9);
  return { coverage, kupiec: pof.defined ? pof.p_value : null };
}

describe("the served interval on unseen data (sample source, 2024-2025)", () => {
  let dir: string;
  let result: TrainResult;
  let unseen: Dataset;
  let start: number;
  const served: Record<"conformal" | "legacy", Scored> = {} as never;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "mle-coverage-"));
    const seen = buildDataset(await candles("2023-12-31", 1000), spec);
    result = train(seen, { folds: 5 });
    const registry = createRegistry({ dir });
    const artifacts = {
      model: result.model,
      metadata: { symbols: SYMBOLS },
      metrics: result.metrics,
      featureColumns: [...seen.featureColumns],
      datasetSummary: summarizeDataset(seen),
    };
    // The version `mle train` writes today, and the same model as a version from before
    // evaluations were stored.
    await registry.save({ ...artifacts, files: { [EVALUATION_FILE]: result.evaluation } });
    await registry.save(artifacts);

    // The unseen years, with enough earlier candles for the features of 2024-01-01.
    unseen = buildDataset(await candles("2025-12-31", 731 + spec.lookback + 1), spec);
    start = 0;
    while (unseen.timestamps[start]! < UNSEEN_FROM) start++;
    const matrix = unseen.X.subarray(start * unseen.cols, unseen.rows * unseen.cols);
    const actual = unseen.y.slice(start, unseen.rows);
    const predictor = createPredictor({ registry, source: createSampleSource({ seed: 42 }) });
    for (const [name, version] of [
      ["conformal", "v1"],
      ["legacy", "v2"],
    ] as const) {
      const snapshot = await predictor.snapshot({ version });
      expect(snapshot.columns).toEqual(unseen.featureColumns);
      served[name] = { actual, rows: snapshot.predictRows(matrix) };
    }
    predictor.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("covers 2024-2025 within the binomial 99 % band of 90 % with the split-conformal interval", () => {
    expect(result.evaluation.interval).toMatchObject({
      method: "split-conformal",
      scale_feature: SCALE_FEATURE,
    });
    const { actual, rows } = served.conformal;
    const n = actual.length;
    expect(n).toBe(4 * 730); // 2025-12-31 has no next close to label it
    expect(rows.every((r) => r.prediction_interval.method === "split-conformal")).toBe(true);
    const band = binomialBand(n, 0.9, 0.99);
    const { coverage, kupiec } = coverageOf(served.conformal);
    const legacy = coverageOf(served.legacy);
    console.log(
      [
        `unseen 2024-2025, ${n} rows, binomial 99 % band ${band.lower}-${band.upper} (${(band.lower_rate * 100).toFixed(1)}-${(band.upper_rate * 100).toFixed(1)} %)`,
        `  split-conformal (evaluation.json): covered ${coverage.covered} = ${(coverage.coverage * 100).toFixed(1)} %, Kupiec p = ${kupiec?.toFixed(2)}`,
        `  validation residual quantiles (no evaluation.json): covered ${legacy.coverage.covered} = ${(legacy.coverage.coverage * 100).toFixed(1)} %, Kupiec p = ${legacy.kupiec?.toPrecision(2)}`,
      ].join("\n"),
    );
    expect(coverage.covered).toBeGreaterThanOrEqual(band.lower);
    expect(coverage.covered).toBeLessThanOrEqual(band.upper);
    expect(kupiec).toBeGreaterThan(0.01);
    expect(served.legacy.rows[0]!.prediction_interval.method).toBe("validation-residual-quantiles");
  });

  it("serves /predict's interval for an unseen day as the row path scores that day", async () => {
    // 2024-06-28 is the candle; the source sees history up to that day only.
    const day = "2024-06-28";
    const predictor = createPredictor({
      registry: createRegistry({ dir }),
      source: createSampleSource({ seed: 42, endDate: day }),
    });
    const p = await predictor.predict("MSFT", { version: "v1" });
    predictor.close();
    expect(p.timestamp).toBe(`${day}T00:00:00.000Z`);
    let row = start;
    while (
      !(
        unseen.timestamps[row] === Date.parse(p.timestamp) &&
        unseen.symbols[unseen.symbolIds[row]!] === "MSFT"
      )
    ) {
      row++;
    }
    const scored = served.conformal.rows[row - start]!;
    // /predict computes the features from the few candles the model needs, the dataset from
    // two years of them: window sums then differ in the last bits, never more.
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-12);
    close(p.prediction, scored.prediction);
    close(p.prediction_interval.lower, scored.prediction_interval.lower);
    close(p.prediction_interval.upper, scored.prediction_interval.upper);
    expect(p.prediction_interval.method).toBe("split-conformal");
  });

  it("reports the calibration of the served confidence (bucketed probability vs hit rate)", () => {
    const { actual, rows } = served.conformal;
    const confidence = Float64Array.from(rows, (r) => r.confidence);
    const hit = Uint8Array.from(rows, (r, i) => (r.prediction * actual[i]! > 0 ? 1 : 0));
    const cal = calibrationBuckets(confidence, hit, { buckets: 10 });
    if (!cal.defined) throw new Error(cal.message);
    const lines = cal.buckets
      .filter((b) => b.count > 0)
      .map(
        (b) =>
          `  ${b.lower.toFixed(1)}-${b.upper.toFixed(1)}  n ${String(b.count).padStart(4)}  mean confidence ${b.mean_probability!.toFixed(3)}  hit rate ${b.hit_rate!.toFixed(3)}`,
      );
    console.log(
      [
        `confidence on unseen 2024-2025: n ${cal.n}, mean ${cal.mean_probability.toFixed(3)}, hit rate ${cal.hit_rate.toFixed(3)}, ECE ${cal.ece.toFixed(3)}, Brier ${cal.brier.toFixed(4)}`,
        ...lines,
      ].join("\n"),
    );
    // Calibrated enough to keep its meaning: the overall hit rate within 3 points of the mean
    // stated probability, and no populated bucket (>= 100 rows) off by more than 0.1.
    expect(Math.abs(cal.hit_rate - cal.mean_probability)).toBeLessThan(0.03);
    for (const b of cal.buckets) {
      if (b.count >= 100) expect(Math.abs(b.hit_rate! - b.mean_probability!)).toBeLessThan(0.1);
    }
  });
});
