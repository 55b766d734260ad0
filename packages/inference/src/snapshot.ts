/**
 * A frozen view of one served model for callers that bring their own feature rows (the Open
 * Inference Protocol's FP64 tensor, MLflow's `/invocations`): they validate rows against
 * `columns` and predict with the very model they validated against, even if another version is
 * activated in between.
 * @module
 */
import { directionConfidence, type PredictionInterval } from "./confidence";
import { InferenceError } from "./errors";
import { intervalFor } from "./served-interval";
import type { ServingModel } from "./serving-model";

/** The part of a prediction that depends only on the feature row. */
export interface RowPrediction {
  readonly prediction: number;
  readonly confidence: number;
  readonly prediction_interval: PredictionInterval;
}

/** One model version as served, with a row predictor bound to it. */
export interface ModelSnapshot {
  readonly version: string;
  /** `mle.<kind>` (`mle.ridge`, `mle.gbdt`, `mle.xgboost`), whatever the model.json layout version. */
  readonly format: string;
  /** The model kind (the trainer's `MODEL_KINDS` name). */
  readonly kind: string;
  /** Input columns in the order `predictRows` expects them. */
  readonly columns: readonly string[];
  /** The spec's lookback; undefined when its columns all set their own parameters. */
  readonly lookback: number | undefined;
  /**
   * Predicts each row of a row-major matrix with `columns.length` columns. Throws RangeError when
   * the length is not a multiple of the column count or a value is not finite: callers validate
   * user input first, this only guards the model.
   */
  predictRows(matrix: Float64Array): RowPrediction[];
}

/** Scores one feature row: the shared last step of symbol predictions and row predictions. */
export function scoreRow(model: ServingModel, x: ArrayLike<number>): RowPrediction {
  const prediction = model.model.predictRow(x);
  const confidence = directionConfidence(prediction, model.residuals);
  const prediction_interval = intervalFor(model.interval, prediction, x, model.residuals.quantiles);
  if (
    !Number.isFinite(prediction) ||
    !Number.isFinite(confidence) ||
    !Number.isFinite(prediction_interval.lower) ||
    !Number.isFinite(prediction_interval.upper)
  ) {
    throw new InferenceError(
      "NON_FINITE_PREDICTION",
      `Model ${model.version} produced a prediction that is not a finite number for these features (its numbers overflow)`,
      { version: model.version },
    );
  }
  return { prediction, confidence, prediction_interval };
}

/** Builds the {@link ModelSnapshot} of a served model; `onRows` counts predictions for stats. */
export function toSnapshot(
  model: ServingModel,
  onRows: (version: string, rows: number) => void,
): ModelSnapshot {
  const cols = model.columns.length;
  return Object.freeze({
    version: model.version,
    format: `mle.${model.artifact.kind}`,
    kind: model.artifact.kind,
    columns: model.columns,
    lookback: model.spec.lookback,
    predictRows(matrix: Float64Array): RowPrediction[] {
      if (matrix.length % cols !== 0) {
        throw new RangeError(`matrix length ${matrix.length} is not a multiple of ${cols} columns`);
      }
      const out: RowPrediction[] = [];
      for (let start = 0; start < matrix.length; start += cols) {
        const row = matrix.subarray(start, start + cols);
        if (!row.every(Number.isFinite)) {
          throw new RangeError(`row ${start / cols} holds a value that is not a finite number`);
        }
        out.push(scoreRow(model, row));
      }
      onRows(model.version, out.length);
      return out;
    },
  });
}
