/**
 * Which 90 % interval a served version adds to its predictions: the split-conformal calibration
 * stored in its `evaluation.json` (walk-forward test residuals, written by the trainer), or, for
 * a version trained before evaluations were stored, the validation residual quantiles of its
 * model.json. The trainer owns the format and the formula (`parseServedInterval`,
 * `intervalOffsets`), so the served bounds are the ones whose coverage training measured.
 * @module
 */
import type { LoadedArtifacts } from "@mle/registry";
import {
  EVALUATION_FILE,
  intervalOffsets,
  parseServedInterval,
  type ServedInterval,
} from "@mle/trainer";
import { type PredictionInterval, predictionInterval } from "./confidence";

/** How a served version makes its interval, fixed when the version is loaded. */
export interface IntervalRule {
  /** The stored calibration; null for a version without `evaluation.json`. */
  readonly served: ServedInterval | null;
  /** Index of the interval's scale column in the model's feature row; -1 when unscaled. */
  readonly scaleIndex: number;
}

/**
 * Reads the interval rule of a version from its verified artifacts. Throws a plain Error when
 * `evaluation.json` is present but unreadable by this build, or names a scale column the model
 * does not have (the caller reports it as INCOMPATIBLE_MODEL).
 */
export function intervalRule(loaded: LoadedArtifacts, columns: readonly string[]): IntervalRule {
  const stored = loaded.files?.[EVALUATION_FILE];
  if (stored === undefined) return { served: null, scaleIndex: -1 };
  const served = parseServedInterval(stored);
  if (served.method !== "split-conformal" || served.scale_feature === null) {
    return { served, scaleIndex: -1 };
  }
  const scaleIndex = columns.indexOf(served.scale_feature);
  if (scaleIndex < 0) {
    throw new Error(
      `${EVALUATION_FILE} scales the interval by ${served.scale_feature}, which is not a model column`,
    );
  }
  return { served, scaleIndex };
}

/**
 * The interval of one prediction: `prediction ± quantile · x[scaleIndex]` (split-conformal), the
 * stored fallback offsets, or `[prediction + q05, prediction + q95]` of the validation residuals
 * when the version has no evaluation (bit-identical to {@link predictionInterval}).
 *
 * @example
 * ```ts
 * intervalFor(model.interval, 0.001, row, model.residuals.quantiles).method; // "split-conformal"
 * ```
 */
export function intervalFor(
  rule: IntervalRule,
  prediction: number,
  x: ArrayLike<number>,
  quantiles: { readonly q05: number; readonly q95: number },
): PredictionInterval {
  const { served } = rule;
  if (served === null) return predictionInterval(prediction, quantiles);
  const [lo, hi] = intervalOffsets(served, rule.scaleIndex < 0 ? 1 : x[rule.scaleIndex]!);
  return { lower: prediction + lo, upper: prediction + hi, level: 0.9, method: served.method };
}
