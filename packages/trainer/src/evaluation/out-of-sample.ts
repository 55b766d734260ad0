import type { Dataset, RowRange } from "@mle/dataset";

/**
 * Forecasts made for rows the forecasting model was not fitted on, with what judging them
 * needs. Shared by the evaluation report and anything that stores or plots the predictions.
 */
export interface OutOfSampleSet {
  /** Dataset row of each prediction, ascending. */
  readonly rows: Uint32Array;
  /** Walk-forward fold that made the prediction; -1 for the validation split (the saved model). */
  readonly fold: Int16Array;
  readonly actual: Float64Array;
  readonly predicted: Float64Array;
  /** Prevailing-mean baseline: mean target of the training rows of the model that predicted. */
  readonly baselineMean: Float64Array;
  /**
   * Volatility known at the row's time that scales the interval (the row's `rolling_volatility`
   * feature), or 1 on every row when the spec has no such column.
   */
  readonly scale: Float64Array;
}

/** The feature that scales conformal scores and served intervals, when the spec selects it. */
export const SCALE_FEATURE = "rolling_volatility";

export interface OutOfSamplePredictions {
  /** Every walk-forward fold's test rows, pooled in time order. */
  readonly walkForward: OutOfSampleSet;
  /** The validation split, predicted by the saved model. */
  readonly validation: OutOfSampleSet;
}

/** One model's out-of-sample predictions: fitted on `train`, predicting `test`. */
export interface OutOfSamplePart {
  /** Fold index, or -1 for the validation split. */
  readonly fold: number;
  readonly train: RowRange;
  readonly test: RowRange;
  readonly predicted: ArrayLike<number>;
}

function meanTarget(ds: Pick<Dataset, "y">, range: RowRange): number {
  let s = 0;
  for (let i = range.start; i < range.end; i++) s += ds.y[i]!;
  return range.end > range.start ? s / (range.end - range.start) : 0;
}

/**
 * Pools parts (test ranges in ascending, non-overlapping order) into one {@link OutOfSampleSet}.
 *
 * @example
 * ```ts
 * const set = collectOutOfSample(ds, [{ fold: 0, train, test, predicted: predictRange(model, ds, test) }]);
 * ```
 */
export function collectOutOfSample(
  ds: Pick<Dataset, "y" | "X" | "cols" | "featureColumns">,
  parts: readonly OutOfSamplePart[],
): OutOfSampleSet {
  const scaleCol = (ds.featureColumns as readonly string[]).indexOf(SCALE_FEATURE);
  let n = 0;
  for (const p of parts) n += p.test.end - p.test.start;
  const set: OutOfSampleSet = {
    rows: new Uint32Array(n),
    fold: new Int16Array(n),
    actual: new Float64Array(n),
    predicted: new Float64Array(n),
    baselineMean: new Float64Array(n),
    scale: new Float64Array(n).fill(1),
  };
  let k = 0;
  for (const p of parts) {
    const mean = meanTarget(ds, p.train);
    for (let i = p.test.start; i < p.test.end; i++, k++) {
      set.rows[k] = i;
      set.fold[k] = p.fold;
      set.actual[k] = ds.y[i]!;
      set.predicted[k] = p.predicted[i - p.test.start]!;
      set.baselineMean[k] = mean;
      if (scaleCol >= 0) set.scale[k] = ds.X[i * ds.cols + scaleCol]!;
    }
  }
  return set;
}
