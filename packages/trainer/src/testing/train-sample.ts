import { buildDataset, type PriceSeries, summarizeDataset } from "@mle/dataset";
import { EVALUATION_FILE } from "../evaluation/served-interval-schema";
import type { ModelSpec } from "../kinds/model-spec";
import { PREDICTIONS_FILE, predictionsArtifact } from "../predictions-artifact";
import { train } from "../train";

/** What {@link trainSample} reads candles from (a `MarketDataSource` fits). */
export interface CandleReader {
  getCandles(symbol: string, options: { limit: number }): Promise<readonly PriceSeries[]>;
}

/** A small training run; every field has a default that trains in milliseconds. */
export interface SampleTrainSpec {
  /** Default 10. */
  readonly lookback?: number;
  /** Default the four default columns. */
  readonly features?: readonly string[];
  /** Default `["AAPL", "MSFT"]`. */
  readonly symbols?: readonly string[];
  /** Candles per symbol, default 300. */
  readonly candles?: number;
  /** Ridge penalty when `model` is not given, default 1. */
  readonly alpha?: number;
  /** A kind other than ridge (then `alpha` is ignored). */
  readonly model?: ModelSpec;
  /**
   * Also return `files: { "evaluation.json" }` as `mle train` saves it (default false: a version
   * as trained before evaluations were stored, served with the validation residual quantiles).
   */
  readonly evaluation?: boolean;
  /** Also return `files: { "predictions.json" }` as `mle train` saves it (default false). */
  readonly predictions?: boolean;
}

const DEFAULT_COLUMNS = ["close", "simple_return", "moving_average", "rolling_volatility"];

/**
 * Trains a small model on a source's candles and returns what `registry.save` takes, so tests of
 * the layers above the trainer (inference, the API, the CLI) save a real model in one line.
 *
 * @example
 * ```ts
 * const { version } = await registry.save(await trainSample(createSampleSource()), { activate: true });
 * ```
 */
export async function trainSample(source: CandleReader, spec: SampleTrainSpec = {}) {
  const symbols = [...(spec.symbols ?? ["AAPL", "MSFT"])];
  const featureSpec = {
    lookback: spec.lookback ?? 10,
    features: [...(spec.features ?? DEFAULT_COLUMNS)],
  };
  const candles: Record<string, readonly PriceSeries[]> = {};
  for (const s of symbols) candles[s] = await source.getCandles(s, { limit: spec.candles ?? 300 });
  const ds = buildDataset(candles, featureSpec);
  const model = spec.model ?? { type: "ridge", alpha: spec.alpha ?? 1 };
  const result = train(ds, { model, validationFraction: 0.2, folds: 3, gap: 0 });
  const files = {
    ...(spec.evaluation === true ? { [EVALUATION_FILE]: result.evaluation } : {}),
    ...(spec.predictions === true
      ? {
          [PREDICTIONS_FILE]: predictionsArtifact(
            ds,
            result.predictions,
            result.evaluation.interval,
          ),
        }
      : {}),
  };
  return {
    model: result.model,
    metadata: { symbols, feature_spec: featureSpec },
    metrics: result.metrics,
    featureColumns: result.model.feature_spec.features,
    datasetSummary: summarizeDataset(ds),
    ...(spec.evaluation === true || spec.predictions === true ? { files } : {}),
  };
}

/** What {@link trainSample} returns: the artifacts `registry.save` takes. */
export type SampleArtifacts = Awaited<ReturnType<typeof trainSample>>;

/** Where {@link saveSample} saves (a `Registry` of `@mle/registry` fits). */
export interface SampleSaver {
  save(artifacts: SampleArtifacts, options: { activate: boolean }): Promise<{ version: string }>;
}

/** {@link SampleTrainSpec}, and whether the saved version becomes the active one (default true). */
export interface SampleSaveSpec extends SampleTrainSpec {
  readonly activate?: boolean;
}

/**
 * Trains a small model with {@link trainSample} and saves it (active unless `activate: false`).
 * Returns the version.
 *
 * @example
 * ```ts
 * const v1 = await saveSample(registry, createSampleSource({ seed: 7 }), { lookback: 12 });
 * ```
 */
export async function saveSample(
  registry: SampleSaver,
  source: CandleReader,
  spec: SampleSaveSpec = {},
): Promise<string> {
  const saved = await registry.save(await trainSample(source, spec), {
    activate: spec.activate ?? true,
  });
  return saved.version;
}
