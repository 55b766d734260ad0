/**
 * Turns verified registry artifacts into a model ready to serve, refusing at load time any model
 * whose feature columns this build cannot produce (INCOMPATIBLE_MODEL).
 * @module
 */
import {
  DEFAULT_FEATURES,
  type FeatureName,
  type FeatureSpec,
  validateFeatureSpec,
  warmupLength,
} from "@mle/features";
import type { LoadedArtifacts } from "@mle/registry";
import { type LoadedModel, loadModel, type ModelArtifact } from "@mle/trainer";
import type { ResidualStats } from "./confidence";
import { InferenceError } from "./errors";

/** Features whose value depends on the whole history (a recursion), not only on a window. */
const RECURSIVE_FEATURES: ReadonlySet<FeatureName> = new Set<FeatureName>(["ema", "rsi"]);

/**
 * Extra candles fetched per window length when the model uses a recursive feature: the EMA's
 * memory decays as (1 - 2/(w+1))^k and Wilder's RSI as (1 - 1/w)^k, so k = 20·w leaves
 * e^-40 and e^-20 (≈ 2e-9) of the unseen history in the value.
 */
export const RECURSIVE_HISTORY_FACTOR = 20;
/** Upper bound of that convergence tail, whatever the window. */
export const MAX_RECURSIVE_HISTORY = 5_000;

/** A model held in memory by the predictor. Immutable once built. */
export interface ServingModel {
  readonly version: string;
  /** The spec stored with the model: what it was trained on. */
  readonly spec: FeatureSpec;
  /** The model's columns plus any of the four default columns it lacks (reported, not used). */
  readonly servingSpec: FeatureSpec;
  /** The model's input columns, in coefficient order. */
  readonly columns: readonly FeatureName[];
  /** Smallest number of candles that yields the model's inputs (warm-up of `spec` + 1). */
  readonly minCandles: number;
  /**
   * Candles needed to also report the default columns the model does not use (warm-up of
   * `servingSpec` + 1); with fewer (but at least minCandles) those columns are omitted.
   */
  readonly reportCandles: number;
  /** Candles requested from the source (reportCandles plus any convergence tail). */
  readonly fetchCandles: number;
  /** Identifies everything that determines the feature vector (cache key part). */
  readonly specKey: string;
  readonly residuals: ResidualStats;
  /** The parsed model.json (any kind). */
  readonly artifact: ModelArtifact;
  /** The kind's predictor: `model.predictRow(x)` with `x` in `columns` order. */
  readonly model: LoadedModel;
  readonly loaded: LoadedArtifacts;
}

/** Options of {@link toServingModel}. */
export interface ServingModelOptions {
  /** Replace the automatic convergence tail with this many extra candles (integer >= 0). */
  readonly extraHistory?: number;
}

/**
 * Builds a {@link ServingModel} from artifacts the registry has verified. Throws InferenceError
 * INCOMPATIBLE_MODEL when model.json is not a model this build understands or its feature spec
 * cannot be produced (unknown feature, bad lookback, columns that disagree with the spec).
 *
 * @example
 * ```ts
 * const model = toServingModel(await registry.load("v3"));
 * model.columns; // ["close", "simple_return", "moving_average", "rolling_volatility"]
 * ```
 */
export function toServingModel(
  loaded: LoadedArtifacts,
  options: ServingModelOptions = {},
): ServingModel {
  const version = loaded.version;
  const model = parseArtifact(loaded.model, version);
  const { artifact } = model;
  const spec = parseSpec(artifact, version);
  const columns = spec.features;

  const extras = DEFAULT_FEATURES.filter((name) => !columns.includes(name));
  const servingSpec: FeatureSpec = Object.freeze({
    lookback: spec.lookback,
    features: Object.freeze([...columns, ...extras]),
  });
  const minCandles = warmupLength(spec) + 1;
  const reportCandles = Math.max(minCandles, warmupLength(servingSpec) + 1);
  const tail = options.extraHistory ?? defaultTail(spec);
  const fetchCandles = reportCandles + tail;
  return Object.freeze({
    version,
    spec,
    servingSpec,
    columns,
    minCandles,
    reportCandles,
    fetchCandles,
    specKey: `${servingSpec.lookback}|${servingSpec.features.join(",")}|${fetchCandles}`,
    residuals: artifact.residuals,
    artifact,
    model,
    loaded,
  });
}

function defaultTail(spec: FeatureSpec): number {
  if (!spec.features.some((name) => RECURSIVE_FEATURES.has(name))) return 0;
  return Math.min(RECURSIVE_HISTORY_FACTOR * spec.lookback, MAX_RECURSIVE_HISTORY);
}

function parseArtifact(model: unknown, version: string): LoadedModel {
  try {
    // Every kind's parser checks its body against the spec's column count.
    return loadModel(model);
  } catch (cause) {
    throw incompatible(
      version,
      `model.json is not a model this server can run (${message(cause)})`,
      cause,
    );
  }
}

function parseSpec(artifact: ModelArtifact, version: string): FeatureSpec {
  try {
    return validateFeatureSpec(artifact.feature_spec);
  } catch (cause) {
    throw incompatible(version, `its feature spec cannot be computed (${message(cause)})`, cause);
  }
}

function incompatible(version: string, detail: string, cause?: unknown): InferenceError {
  return new InferenceError("INCOMPATIBLE_MODEL", `Model ${version} cannot be served: ${detail}`, {
    version,
    cause,
  });
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
