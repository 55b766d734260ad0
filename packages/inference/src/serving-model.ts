/**
 * Turns verified registry artifacts into a model ready to serve, refusing at load time any model
 * whose feature columns this build cannot produce (INCOMPATIBLE_MODEL).
 * @module
 */
import {
  candlesNeeded,
  DEFAULT_FEATURES,
  type FeatureSpec,
  validateFeatureSpec,
} from "@mle/features";
import type { LoadedArtifacts } from "@mle/registry";
import { type LoadedModel, loadModel, type ModelArtifact } from "@mle/trainer";
import type { ResidualStats } from "./confidence";
import { InferenceError, isInferenceError } from "./errors";
import { type IntervalRule, intervalRule } from "./served-interval";
import { scoreRow } from "./snapshot";

/** A model held in memory by the predictor. Immutable once built. */
export interface ServingModel {
  readonly version: string;
  /** The spec stored with the model: what it was trained on. */
  readonly spec: FeatureSpec;
  /** The model's columns plus any of the four default columns it lacks (reported, not used). */
  readonly servingSpec: FeatureSpec;
  /** The model's input columns, in coefficient order. */
  readonly columns: readonly string[];
  /**
   * Convergence history to use instead of what the recursive columns declare (the predictor's
   * `extraHistory`); undefined = the declared warm-up.
   */
  readonly history: number | undefined;
  /** Candles requested from the source: `candlesNeeded(servingSpec, 1)` (owned by @mle/features). */
  readonly fetchCandles: number;
  /** Identifies everything that determines the feature vector (cache key part). */
  readonly specKey: string;
  readonly residuals: ResidualStats;
  /** How the 90 % interval is made: the evaluation's conformal calibration, or `residuals`. */
  readonly interval: IntervalRule;
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
 * cannot be produced (unknown feature, bad lookback, columns that disagree with the spec), or
 * when its evaluation.json holds an interval this build cannot serve.
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

  const interval = parseInterval(loaded, columns, version);
  const servingSpec = withReportingColumns(spec);
  const history = options.extraHistory;
  const fetchCandles = candlesNeeded(servingSpec, 1, history === undefined ? {} : { history });
  const serving: ServingModel = Object.freeze({
    version,
    spec,
    servingSpec,
    columns,
    history,
    fetchCandles,
    specKey: `${servingSpec.lookback}|${servingSpec.features.join(",")}|${fetchCandles}`,
    residuals: artifact.residuals,
    interval,
    artifact,
    model,
    loaded,
  });
  probe(serving);
  return serving;
}

/**
 * Refuses at load time a model that answers a non-finite number on its kind's probe rows
 * (coefficients of 1e308), so `/ready` says so rather than failing request by request.
 */
function probe(model: ServingModel): void {
  for (const row of model.model.probeRows) {
    try {
      scoreRow(model, row);
    } catch (cause) {
      if (!isInferenceError(cause) || cause.code !== "NON_FINITE_PREDICTION") throw cause;
      throw incompatible(
        model.version,
        "it predicts a number that is not finite on a probe row (its coefficients overflow)",
        cause,
      );
    }
  }
}

/**
 * The model's columns plus the default columns it lacks (reported, not used). A spec without a
 * lookback has no window for the bare windowed defaults, so it reports only the window-free ones.
 */
function withReportingColumns(spec: FeatureSpec): FeatureSpec {
  const wanted =
    spec.lookback === undefined
      ? DEFAULT_FEATURES.filter((name) => name === "close" || name === "simple_return")
      : DEFAULT_FEATURES;
  const extras = wanted.filter((name) => !spec.features.includes(name));
  if (extras.length === 0) return spec;
  return validateFeatureSpec({ lookback: spec.lookback, features: [...spec.features, ...extras] });
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

function parseInterval(
  loaded: LoadedArtifacts,
  columns: readonly string[],
  version: string,
): IntervalRule {
  try {
    return intervalRule(loaded, columns);
  } catch (cause) {
    throw incompatible(version, `its evaluation cannot be served (${message(cause)})`, cause);
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
