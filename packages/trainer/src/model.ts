import type { FeatureName } from "@mle/dataset";
import type { ResidualStats } from "./residuals";
import type { RidgeModel } from "./ridge";

/** Format tag of `model.json`. */
export const MODEL_FORMAT = "mle.ridge";
/** Version of the `model.json` layout this package writes and reads. */
export const MODEL_FORMAT_VERSION = 1;

/**
 * `model.json`: plain data, loading it never executes code. `feature_columns` equals
 * `feature_spec.features` (the order coefficients apply in); serving computes
 * `feature_spec` on the latest candles and calls `predictRow(modelView(artifact), row)`.
 */
export interface ModelArtifact {
  format: typeof MODEL_FORMAT;
  format_version: typeof MODEL_FORMAT_VERSION;
  feature_spec: { lookback: number; features: FeatureName[] };
  feature_columns: string[];
  scaler: { means: number[]; scales: number[] };
  coefficients: number[];
  intercept: number;
  alpha: number;
  residuals: {
    n: number;
    mean: number;
    std: number;
    mae: number;
    quantiles: { q05: number; q50: number; q95: number };
    target_std: number;
    directional_accuracy: number;
  };
}

/**
 * Builds the artifact from a fitted model, its feature spec and validation residual stats.
 * Keys are always written in the same order, so `JSON.stringify` is byte-stable.
 *
 * @example
 * ```ts
 * const artifact = toModelArtifact(ridge, { lookback: 20, features: ["close"] }, residualStats(y, p));
 * ```
 */
export function toModelArtifact(
  ridge: RidgeModel,
  spec: { readonly lookback: number; readonly features: readonly FeatureName[] },
  residuals: ResidualStats,
): ModelArtifact {
  return {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    feature_spec: { lookback: spec.lookback, features: [...spec.features] },
    feature_columns: [...ridge.featureColumns],
    scaler: { means: [...ridge.means], scales: [...ridge.scales] },
    coefficients: [...ridge.coefficients],
    intercept: ridge.intercept,
    alpha: ridge.alpha,
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
  };
}

/**
 * The prediction view of an artifact, for `predictRow` / `predictRange`.
 *
 * @example
 * ```ts
 * const y = predictRow(modelView(parseModel(json)), latestFeatureRow);
 * ```
 */
export function modelView(artifact: ModelArtifact): RidgeModel {
  return {
    featureColumns: artifact.feature_columns,
    means: artifact.scaler.means,
    scales: artifact.scaler.scales,
    coefficients: artifact.coefficients,
    intercept: artifact.intercept,
    alpha: artifact.alpha,
  };
}
