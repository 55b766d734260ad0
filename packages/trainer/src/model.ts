import {
  type FeatureSpec,
  type FeatureSpecInput,
  featureSpecJSON,
  validateFeatureSpec,
} from "@mle/dataset";
import type { BodyOf, ModelKindName } from "./kinds/table";
import type { ResidualStats } from "./residuals";

/** Format tag of `model.json`. */
export const MODEL_FORMAT = "mle.model";
/** Version of the `model.json` layout this package writes. */
export const MODEL_FORMAT_VERSION = 2;
/** The ridge-only layout written before model kinds existed; still read (see `parseModel`). */
export const LEGACY_RIDGE_FORMAT = "mle.ridge";
export const LEGACY_RIDGE_FORMAT_VERSION = 1;

/** A hyperparameter value as stored: trained kinds hold numbers, imported ones also strings. */
export type HyperparameterValue = number | string | boolean;

/** Validation residual statistics (`actual − predicted` on held-out rows), for serving. */
export interface ArtifactResiduals {
  n: number;
  mean: number;
  std: number;
  mae: number;
  quantiles: { q05: number; q50: number; q95: number };
  target_std: number;
  directional_accuracy: number;
}

/** The envelope of `model.json` around one kind's body. */
export interface ModelEnvelope<K extends ModelKindName, Body> {
  format: typeof MODEL_FORMAT;
  format_version: typeof MODEL_FORMAT_VERSION;
  kind: K;
  /**
   * What serving must compute (`featureSpecJSON` of the spec: `lookback` left out when the spec
   * has none); `features` is also the model's input column order.
   */
  feature_spec: { lookback?: number; features: string[] };
  hyperparameters: Record<string, HyperparameterValue>;
  /** Where confidence and the prediction interval come from, for every kind. */
  residuals: ArtifactResiduals;
  body: Body;
}

/**
 * `model.json`: plain data, loading it never executes code. One envelope per kind, narrowed
 * by `kind`; `loadModel` turns it into a predictor.
 */
export type ModelArtifact = { [K in ModelKindName]: ModelEnvelope<K, BodyOf<K>> }[ModelKindName];

/**
 * Builds the artifact from a fitted body, its feature spec and validation residual stats.
 * Keys are always written in the same order, so `JSON.stringify` is byte-stable.
 *
 * @example
 * ```ts
 * const artifact = toModelArtifact({ kind: "ridge", hyperparameters: { alpha: 1 }, body }, ds.spec, residualStats(y, p));
 * ```
 */
export function toModelArtifact(
  fitted: {
    readonly kind: ModelKindName;
    readonly hyperparameters: Readonly<Record<string, HyperparameterValue>>;
    readonly body: unknown;
  },
  spec: FeatureSpec | FeatureSpecInput,
  residuals: ResidualStats,
): ModelArtifact {
  return {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    kind: fitted.kind,
    feature_spec: featureSpecJSON(validateFeatureSpec(spec)),
    hyperparameters: { ...fitted.hyperparameters },
    residuals: {
      n: residuals.n,
      mean: residuals.mean,
      std: residuals.std,
      mae: residuals.mae,
      quantiles: {
        q05: residuals.quantiles.q05,
        q50: residuals.quantiles.q50,
        q95: residuals.quantiles.q95,
      },
      target_std: residuals.target_std,
      directional_accuracy: residuals.directional_accuracy,
    },
    body: fitted.body,
  } as ModelArtifact;
}
