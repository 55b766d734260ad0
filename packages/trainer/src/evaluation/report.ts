import type { Embargo } from "@mle/dataset";
import type { Calibration, Outcome } from "@mle/evaluation";
import { confidenceCalibration } from "./confidence-calibration";
import { type ForecastStatistics, forecastStatistics } from "./forecast-statistics";
import {
  type IntervalStatistics,
  intervalStatistics,
  type ServedInterval,
  servedInterval,
} from "./interval";
import { type OutOfSamplePredictions, SCALE_FEATURE } from "./out-of-sample";
import { type Verdict, verdictOf } from "./verdict";

export const EVALUATION_FORMAT = "mle.evaluation";
export const EVALUATION_FORMAT_VERSION = 1;

/** `evaluation.json`: the evidence for (or against) a model's skill, as plain data. */
export interface EvaluationReport {
  readonly format: typeof EVALUATION_FORMAT;
  readonly format_version: typeof EVALUATION_FORMAT_VERSION;
  readonly verdict: Verdict;
  /** The walk-forward folds the pooled statistics come from, and their purge + embargo. */
  readonly folds: { readonly count: number; readonly test_rows: number; readonly embargo: Embargo };
  /** The saved model on the validation split. */
  readonly validation: ForecastStatistics & {
    readonly interval: IntervalStatistics;
    readonly confidence_calibration: Outcome<Calibration>;
  };
  /** The fold models on their test rows, pooled (the interval's calibration set). */
  readonly walk_forward: ForecastStatistics;
  /** The interval serving adds to a prediction. */
  readonly interval: ServedInterval;
}

export interface EvaluationInput {
  readonly predictions: OutOfSamplePredictions;
  readonly folds: number;
  readonly embargo: Embargo;
  /** Whether the spec has the scale feature (the interval then follows its value). */
  readonly scaled: boolean;
  /** The saved model's validation residual stats (model.json `residuals`). */
  readonly residuals: {
    readonly mean: number;
    readonly std: number;
    readonly directional_accuracy: number;
    readonly quantiles: { readonly q05: number; readonly q95: number };
  };
}

/** Builds the evaluation report of one training run. Deterministic: same input, same JSON. */
export function evaluateRun(input: EvaluationInput): EvaluationReport {
  const { walkForward, validation } = input.predictions;
  const interval = servedInterval(
    walkForward,
    input.residuals.quantiles,
    input.scaled ? SCALE_FEATURE : null,
  );
  const val = forecastStatistics(validation);
  const wf = forecastStatistics(walkForward);
  return {
    format: EVALUATION_FORMAT,
    format_version: EVALUATION_FORMAT_VERSION,
    verdict: verdictOf(val, wf),
    folds: { count: input.folds, test_rows: walkForward.actual.length, embargo: input.embargo },
    validation: {
      ...val,
      interval: intervalStatistics(validation, interval),
      confidence_calibration: confidenceCalibration(validation, input.residuals),
    },
    walk_forward: wf,
    interval,
  };
}
