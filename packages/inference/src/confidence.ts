/**
 * Confidence from the model's validation residuals (`residual = actual - predicted` on the
 * held-out validation rows), and the residual-quantile interval of versions without an
 * evaluation (the conformal one is in `served-interval.ts`).
 * @module
 */
import { normalCdf } from "./normal-cdf";

/** The residual statistics the trainer stores in `model.json` (`residuals`). */
export interface ResidualStats {
  readonly mean: number;
  readonly std: number;
  readonly quantiles: { readonly q05: number; readonly q95: number };
  readonly directional_accuracy: number;
}

/**
 * How a served interval was made: split-conformal on the walk-forward test residuals stored in
 * the version's evaluation.json, or the empirical quantiles of its validation residuals.
 */
export type IntervalMethod = "split-conformal" | "validation-residual-quantiles";

/** A 90% interval for the next return. */
export interface PredictionInterval {
  readonly lower: number;
  readonly upper: number;
  readonly level: 0.9;
  readonly method: IntervalMethod;
}

/**
 * Probability that the realised next return has the sign the model predicts, under a Gaussian
 * residual model fitted on validation: `actual = prediction + e`, `e ~ N(mean, std²)`, so
 *
 *   confidence = Φ(sign(prediction) · (prediction + mean) / std)
 *
 * 0.5 means a coin flip (also returned for a prediction of exactly 0); it approaches 1 as the
 * prediction grows large against the residual spread. When `std` is not a positive finite number
 * (a degenerate validation set) the validation directional accuracy is returned instead.
 * The result is always within [0, 1].
 *
 * @example
 * ```ts
 * directionConfidence(0.01, { mean: 0, std: 0.01, quantiles: { q05: -0.016, q95: 0.016 }, directional_accuracy: 0.52 });
 * // Φ(1) ≈ 0.841
 * ```
 */
export function directionConfidence(prediction: number, residuals: ResidualStats): number {
  if (!Number.isFinite(prediction)) return 0;
  if (prediction === 0) return 0.5;
  const { mean, std } = residuals;
  if (!(std > 0) || !Number.isFinite(std) || !Number.isFinite(mean)) {
    return clamp01(residuals.directional_accuracy);
  }
  const direction = prediction > 0 ? 1 : -1;
  return clamp01(normalCdf((direction * (prediction + mean)) / std));
}

/**
 * The 90% prediction interval `[prediction + q05, prediction + q95]` from the empirical 5% and
 * 95% quantiles of the validation residuals (no distributional assumption): what a version
 * without `evaluation.json` serves.
 *
 * @example
 * ```ts
 * predictionInterval(0.002, { q05: -0.02, q95: 0.018 });
 * // { lower: -0.018, upper: 0.02, level: 0.9, method: "validation-residual-quantiles" }
 * ```
 */
export function predictionInterval(
  prediction: number,
  quantiles: { readonly q05: number; readonly q95: number },
): PredictionInterval {
  return {
    lower: prediction + quantiles.q05,
    upper: prediction + quantiles.q95,
    level: 0.9,
    method: "validation-residual-quantiles",
  };
}

function clamp01(x: number): number {
  if (!Number.isFinite(x)) return 0;
  return Math.min(1, Math.max(0, x));
}
