import {
  chronologicalSplit,
  type Dataset,
  type Embargo,
  embargoFor,
  embargoWithGap,
  isDatasetError,
  type RowRange,
  walkForwardFolds,
} from "@mle/dataset";
import { TrainerError } from "./errors";
import {
  collectOutOfSample,
  type OutOfSamplePart,
  type OutOfSamplePredictions,
  SCALE_FEATURE,
} from "./evaluation/out-of-sample";
import { type EvaluationReport, evaluateRun } from "./evaluation/report";
import type { RowModel } from "./kinds/kind";
import { kindOf } from "./kinds/table";
import { aggregateMetrics, type RegressionMetrics, regressionMetrics } from "./metrics";
import { type ModelArtifact, toModelArtifact } from "./model";
import { type ResolvedTrainOptions, resolveTrainOptions, type TrainOptions } from "./options";
import { residualStats } from "./residuals";

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
  /** `evaluation.json`: forecast-comparison tests, the served interval and its coverage, the verdict. */
  readonly evaluation: EvaluationReport;
  /** The out-of-sample predictions the evaluation is computed from (walk-forward tests, validation). */
  readonly predictions: OutOfSamplePredictions;
  readonly split: {
    readonly trainRows: number;
    readonly validationRows: number;
    readonly cutTimestamp: string;
    readonly train: RowRange;
    readonly validation: RowRange;
  };
}

/** A fitted model with what evaluation needs: its predictor and its fit rows' mean target. */
interface Fitted {
  readonly body: unknown;
  readonly model: RowModel;
  readonly fitMean: number;
}

function meanOf(y: Float64Array, range: RowRange): number {
  let s = 0;
  for (let i = range.start; i < range.end; i++) s += y[i]!;
  return range.end > range.start ? s / (range.end - range.start) : 0;
}

function fitOn(ds: Dataset, range: RowRange, opts: ResolvedTrainOptions): Fitted {
  const kind = kindOf(opts.model.type);
  const fit = kind.fit!;
  const body = fit(ds, range, opts.model.params, {
    seed: opts.seed,
    featureColumns: ds.featureColumns,
    onSingular: opts.onSingular,
    onProgress: (e) => opts.onProgress({ stage: "iteration", ...e }),
  });
  return { body, model: kind.load(body), fitMean: meanOf(ds.y, range) };
}

function evaluate(
  ds: Dataset,
  fitted: Fitted,
  range: RowRange,
  predicted: Float64Array = fitted.model.predictRange(ds, range),
): MetricsSet {
  const actual = ds.y.subarray(range.start, range.end);
  return {
    model: regressionMetrics(actual, predicted),
    baseline_zero: regressionMetrics(actual, 0),
    baseline_mean: regressionMetrics(actual, fitted.fitMean),
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
 * Trains a model of any trainable kind (default ridge) on a dataset: a chronological train/validation split, walk-forward CV
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
 * const { model, metrics } = train(ds, { model: { type: "gbdt", n_trees: 200 }, folds: 5, gap: 1 });
 * await writeFile("model.json", JSON.stringify(model));
 * ```
 */
export function train(ds: Dataset, options: TrainOptions = {}): TrainResult {
  const opts = resolveTrainOptions(options);
  const kindName = opts.model.type;
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

  const embargo: Embargo =
    opts.gap === "auto" ? embargoFor(ds.spec) : embargoWithGap(ds.spec, opts.gap);
  const folds = splitOrThrow(() =>
    walkForwardFolds(ds, {
      folds: opts.folds,
      gap: embargo.gap,
      minTrainRows: 2,
      range: split.train,
    }),
  );
  const outOfSample: OutOfSamplePart[] = [];
  const foldMetrics: FoldMetrics[] = folds.map((fold) => {
    opts.onProgress({
      stage: "cv",
      fold: fold.index + 1,
      folds: folds.length,
      message: `cv fold ${fold.index + 1}/${folds.length}: train ${fold.train.end - fold.train.start} rows, test ${fold.test.end - fold.test.start} rows`,
    });
    const fitted = fitOn(ds, fold.train, opts);
    const predicted = fitted.model.predictRange(ds, fold.test);
    outOfSample.push({ fold: fold.index, train: fold.train, test: fold.test, predicted });
    return {
      index: fold.index,
      train_rows: fold.train.end - fold.train.start,
      test_rows: fold.test.end - fold.test.start,
      ...evaluate(ds, fitted, fold.test, predicted),
    };
  });

  opts.onProgress({
    stage: "fit",
    rows: trainRows,
    message: `fitting ${kindName} on ${trainRows} rows`,
  });
  const final = fitOn(ds, split.train, opts);
  opts.onProgress({
    stage: "evaluate",
    message: `evaluating on ${validationRows} validation rows`,
  });
  const validationPredictions = final.model.predictRange(ds, split.validation);
  const residuals = residualStats(
    ds.y.subarray(split.validation.start, split.validation.end),
    validationPredictions,
  );
  const { mean, std } = aggregateMetrics(foldMetrics.map((f) => f.model));
  const predictions: OutOfSamplePredictions = {
    walkForward: collectOutOfSample(ds, outOfSample),
    validation: collectOutOfSample(ds, [
      { fold: -1, train: split.train, test: split.validation, predicted: validationPredictions },
    ]),
  };
  return {
    model: toModelArtifact(
      { kind: kindName, hyperparameters: opts.model.params, body: final.body },
      ds.spec,
      residuals,
    ),
    metrics: {
      train: evaluate(ds, final, split.train),
      validation: evaluate(ds, final, split.validation, validationPredictions),
      cv: { folds: foldMetrics, mean, std },
    },
    evaluation: evaluateRun({
      predictions,
      folds: folds.length,
      embargo,
      residuals,
      scaled: (ds.featureColumns as readonly string[]).includes(SCALE_FEATURE),
    }),
    predictions,
    split: {
      trainRows,
      validationRows,
      cutTimestamp: split.cutTimestamp,
      train: split.train,
      validation: split.validation,
    },
  };
}
