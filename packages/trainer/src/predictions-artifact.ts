import type { Dataset } from "@mle/dataset";
import { intervalOffsets, type ServedInterval } from "./evaluation/interval";
import type { OutOfSamplePredictions } from "./evaluation/out-of-sample";

/** File name of the validation-predictions artifact stored with every version. */
export const PREDICTIONS_FILE = "predictions.json";
export const PREDICTIONS_FORMAT = "mle.predictions";
export const PREDICTIONS_FORMAT_VERSION = 1;

/** Significant digits kept per value: plots and coverage need far less than float64's 17. */
export const PREDICTIONS_DIGITS = 6;

/**
 * `predictions.json`: every out-of-sample prediction training made, as columns (one entry per
 * row), so a UI or report can plot a version trained on another machine. `fold` is the
 * walk-forward fold (0-based) that predicted the row, or -1 for the validation split predicted by
 * the saved model. Rows are in dataset order (time, then symbol).
 */
export interface PredictionsArtifact {
  readonly format: typeof PREDICTIONS_FORMAT;
  readonly format_version: typeof PREDICTIONS_FORMAT_VERSION;
  /** Nominal coverage of [lower, upper]. */
  readonly level: number;
  /** How the interval was made (e.g. `split-conformal`, `validation-residual-quantiles`). */
  readonly interval_method: string;
  readonly digits: number;
  readonly symbols: readonly string[];
  /** Epoch seconds of each row's candle. */
  readonly timestamps: readonly number[];
  /** Index into `symbols`. */
  readonly symbol: readonly number[];
  readonly fold: readonly number[];
  /** The target: next-period simple return. */
  readonly actual: readonly number[];
  readonly predicted: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

const round = (x: number): number => Number(x.toPrecision(PREDICTIONS_DIGITS));

/**
 * Builds the {@link PredictionsArtifact} of a training run from its out-of-sample predictions
 * (`TrainResult.predictions`: walk-forward test rows, then the validation split) and the interval
 * serving uses (`TrainResult.evaluation.interval`), bounds per row as serving computes them.
 * Deterministic: same inputs, same JSON bytes.
 *
 * @example
 * ```ts
 * const result = train(ds, options);
 * const artifact = predictionsArtifact(ds, result.predictions, result.evaluation.interval);
 * ```
 */
export function predictionsArtifact(
  ds: Pick<Dataset, "timestamps" | "symbolIds" | "symbols">,
  predictions: OutOfSamplePredictions,
  interval: ServedInterval,
): PredictionsArtifact {
  const timestamps: number[] = [];
  const symbol: number[] = [];
  const fold: number[] = [];
  const actual: number[] = [];
  const predicted: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (const set of [predictions.walkForward, predictions.validation]) {
    for (let k = 0; k < set.rows.length; k++) {
      const row = set.rows[k]!;
      const p = set.predicted[k]!;
      const [lo, hi] = intervalOffsets(interval, set.scale[k]!);
      timestamps.push(Math.round(ds.timestamps[row]! / 1000));
      symbol.push(ds.symbolIds[row]!);
      fold.push(set.fold[k]!);
      actual.push(round(set.actual[k]!));
      predicted.push(round(p));
      lower.push(round(p + lo));
      upper.push(round(p + hi));
    }
  }
  return {
    format: PREDICTIONS_FORMAT,
    format_version: PREDICTIONS_FORMAT_VERSION,
    level: interval.level,
    interval_method: interval.method,
    digits: PREDICTIONS_DIGITS,
    symbols: [...ds.symbols],
    timestamps,
    symbol,
    fold,
    actual,
    predicted,
    lower,
    upper,
  };
}
