import {
  chronologicalSplit,
  type Dataset,
  isDatasetError,
  type RowRange,
  walkForwardFolds,
} from "@mle/dataset";
import { TrainerError } from "./errors";
import { aggregateMetrics, type RegressionMetrics, regressionMetrics } from "./metrics";
import { type ModelArtifact, toModelArtifact } from "./model";
import { resolveTrainOptions, type TrainOptions } from "./options";
import { predictRange } from "./predict";
import { residualStats } from "./residuals";
import { fitRidge, type RidgeModel } from "./ridge";

/** Model and the two naive baselines on one set of rows. */
export interface MetricsSet {
  readonly model: RegressionMetrics;
  /** Always predicts a return of 0. */
  readonly baseline_zero: RegressionMetrics;
  /** Always predicts the mean target of the rows the model was fitted on. */
  readonly baseline_mean: RegressionMetrics;
}

export interface FoldMetrics extends MetricsSet {
  readonly index: number;
  readonly train_rows: number;
  readonly test_rows: number;
}

/** Everything a user needs to judge the model, as plain data (`metrics.json`). */
export interface MetricsReport {
  readonly train: MetricsSet;
  readonly validation: MetricsSet;
  readonly cv: {
    readonly folds: FoldMetrics[];
    /** Mean and sample std (ddof 1) of the model's metrics over the folds. */
    readonly mean: RegressionMetrics;
    readonly std: RegressionMetrics;
  };
}

export interface TrainResult {
  readonly model: ModelArtifact;
  readonly metrics: MetricsReport;
  readonly split: {
    readonly trainRows: number;
    readonly validationRows: number;
    readonly cutTimestamp: string;
    readonly train: RowRange;
    readonly validation: RowRange;
  };
}

function evaluate(ds: Dataset, model: RidgeModel, range: RowRange): MetricsSet {
  const actual = ds.y.subarray(range.start, range.end);
  const predicted = predictRange(model, ds, range);
  return {
    model: regressionMetrics(actual, predicted),
    baseline_zero: regressionMetrics(actual, 0),
    baseline_mean: regressionMetrics(actual, model.intercept),
  };
}

function splitOrThrow<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isDatasetError(e)) throw new TrainerError("INSUFFICIENT_ROWS", e.message, { cause: e });
    throw e;
  }
}

/**
 * Trains a ridge model on a dataset: a chronological train/validation split, walk-forward CV
 * over the training rows, a final fit on all training rows, metrics against two naive
 * baselines, and validation residual statistics for prediction intervals. The saved model is the
 * one fitted on the training rows (the one the validation metrics describe). Deterministic: the
 * same dataset and options give a byte-identical `JSON.stringify(result.model)`.
 *
 * @throws TrainerError `INVALID_OPTIONS`, `INSUFFICIENT_ROWS` (too few rows or timestamps for the
 * split or the folds), `SINGULAR_SYSTEM`, `INVALID_DATA`.
 *
 * @example
 * ```ts
 * const ds = buildDataset(candlesBySymbol, { lookback: 20, features: [...DEFAULT_FEATURES] });
 * const { model, metrics } = train(ds, { alpha: 1, validationFraction: 0.2, folds: 5, gap: 1 });
 * await writeFile("model.json", JSON.stringify(model));
 * ```
 */
export function train(ds: Dataset, options: TrainOptions = {}): TrainResult {
  const opts = resolveTrainOptions(options);
  const fitOptions = {
    alpha: opts.alpha,
    featureColumns: ds.featureColumns,
    onSingular: opts.onSingular,
  };
  const split = splitOrThrow(() => chronologicalSplit(ds, opts.validationFraction));
  const trainRows = split.train.end - split.train.start;
  const validationRows = split.validation.end - split.validation.start;
  opts.onProgress({
    stage: "split",
    trainRows,
    validationRows,
    cutTimestamp: split.cutTimestamp,
    message: `split ${ds.rows} rows at ${split.cutTimestamp}: ${trainRows} train, ${validationRows} validation`,
  });

  const folds = splitOrThrow(() =>
    walkForwardFolds(ds, { folds: opts.folds, gap: opts.gap, minTrainRows: 2, range: split.train }),
  );
  const foldMetrics: FoldMetrics[] = folds.map((fold) => {
    opts.onProgress({
      stage: "cv",
      fold: fold.index + 1,
      folds: folds.length,
      message: `cv fold ${fold.index + 1}/${folds.length}: train ${fold.train.end - fold.train.start} rows, test ${fold.test.end - fold.test.start} rows`,
    });
    const model = fitRidge(ds, fold.train, fitOptions);
    return {
      index: fold.index,
      train_rows: fold.train.end - fold.train.start,
      test_rows: fold.test.end - fold.test.start,
      ...evaluate(ds, model, fold.test),
    };
  });

  opts.onProgress({ stage: "fit", rows: trainRows, message: `fitting ridge on ${trainRows} rows` });
  const ridge = fitRidge(ds, split.train, fitOptions);
  opts.onProgress({
    stage: "evaluate",
    message: `evaluating on ${validationRows} validation rows`,
  });
  const validationPredictions = predictRange(ridge, ds, split.validation);
  const residuals = residualStats(
    ds.y.subarray(split.validation.start, split.validation.end),
    validationPredictions,
  );
  const { mean, std } = aggregateMetrics(foldMetrics.map((f) => f.model));
  return {
    model: toModelArtifact(ridge, ds.spec, residuals),
    metrics: {
      train: evaluate(ds, ridge, split.train),
      validation: evaluate(ds, ridge, split.validation),
      cv: { folds: foldMetrics, mean, std },
    },
    split: {
      trainRows,
      validationRows,
      cutTimestamp: split.cutTimestamp,
      train: split.train,
      validation: split.validation,
    },
  };
}
