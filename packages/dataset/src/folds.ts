import { DatasetError } from "./errors";
import { timeGroupStarts } from "./time-groups";
import type { Dataset, Fold, RowRange } from "./types";

export interface WalkForwardOptions {
  /** Number of folds K (integer >= 1). */
  readonly folds: number;
  /**
   * Embargo: distinct timestamps (time steps) left out between each fold's train and test rows,
   * default 0. With one symbol a time step is one row; with several symbols pooled, one time
   * step is every symbol's row at that timestamp, which is what stops a rolling window or a
   * next-step label from straddling the cut.
   */
  readonly gap?: number;
  /** Smallest acceptable train size of the first fold, in rows; default 1. */
  readonly minTrainRows?: number;
  /** Rows to fold, default all (e.g. the train part of a chronological split). */
  readonly range?: RowRange;
}

function integer(value: unknown, name: string, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new DatasetError(
      "INVALID_SPLIT",
      `${name} must be an integer >= ${min}, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * K expanding-window walk-forward folds. The rows' distinct timestamps are cut into K + 1
 * equal blocks of `floor(T / (K + 1))` time steps (earliest block absorbs the remainder); fold
 * `i` tests on block `i + 1` and trains on everything before it minus `gap` time steps. Every
 * test row is strictly later than every train row of its fold, across symbols.
 *
 * @throws DatasetError `INVALID_SPLIT` for bad options, or when the rows have too few distinct
 * timestamps for K folds, or a fold's train part is empty / below `minTrainRows`.
 *
 * @example
 * ```ts
 * for (const { index, train, test } of walkForwardFolds(ds, { folds: 5, gap: 1 })) {
 *   const model = fitRidge(ds, train, { alpha: 1 });
 * }
 * ```
 */
export function walkForwardFolds(
  ds: Pick<Dataset, "rows" | "timestamps">,
  options: WalkForwardOptions,
): Fold[] {
  const k = integer(options.folds, "folds", 1);
  const gap = integer(options.gap ?? 0, "gap", 0);
  const minTrainRows = integer(options.minTrainRows ?? 1, "minTrainRows", 1);
  const range = options.range ?? { start: 0, end: ds.rows };
  if (
    !Number.isInteger(range.start) ||
    !Number.isInteger(range.end) ||
    range.start < 0 ||
    range.end > ds.rows ||
    range.start > range.end
  ) {
    throw new DatasetError(
      "INVALID_SPLIT",
      `range [${range.start}, ${range.end}) is not inside [0, ${ds.rows})`,
    );
  }
  const starts = timeGroupStarts(ds.timestamps, range);
  const groups = starts.length;
  const testSize = Math.floor(groups / (k + 1));
  if (testSize < 1 || groups - k * testSize - gap < 1) {
    throw new DatasetError(
      "INVALID_SPLIT",
      `${groups} distinct timestamps are too few for ${k} folds with gap ${gap} (need at least ${k + 1 + gap})`,
    );
  }
  const rowOf = (g: number) => (g < groups ? starts[g]! : range.end);
  const folds: Fold[] = [];
  for (let i = 0; i < k; i++) {
    const testStart = groups - (k - i) * testSize;
    const trainEnd = testStart - gap;
    const fold: Fold = {
      index: i,
      train: { start: range.start, end: rowOf(trainEnd) },
      test: { start: rowOf(testStart), end: rowOf(testStart + testSize) },
    };
    const trainRows = fold.train.end - fold.train.start;
    if (trainRows < minTrainRows) {
      throw new DatasetError(
        "INVALID_SPLIT",
        `fold ${i} would train on ${trainRows} rows, fewer than minTrainRows ${minTrainRows}; use fewer folds, a smaller gap or more data`,
      );
    }
    folds.push(fold);
  }
  return folds;
}
