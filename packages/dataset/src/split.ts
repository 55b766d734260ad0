import { DatasetError } from "./errors";
import { formatTimestamp } from "./timestamp";
import type { Dataset, RowRange } from "./types";

/** A chronological train/validation split of a dataset. */
export interface ChronologicalSplit {
  readonly train: RowRange;
  readonly validation: RowRange;
  /** ISO timestamp of the first validation row: train rows are strictly earlier, validation rows at or after it. */
  readonly cutTimestamp: string;
}

/**
 * Splits rows at one global time cut: every validation row is strictly later than every train
 * row, for all symbols together. The cut goes between two distinct timestamps, at the boundary
 * nearest to `rows · (1 − validationFraction)` (the earlier one on a tie), so rows of several
 * symbols sharing a timestamp are never separated.
 *
 * @throws DatasetError `INVALID_SPLIT` if the fraction is not in (0, 1), there are fewer than two
 * rows, or the rows span fewer than two distinct timestamps (train and validation are never empty).
 *
 * @example
 * ```ts
 * const { train, validation, cutTimestamp } = chronologicalSplit(ds, 0.2);
 * // train = { start: 0, end: 800 }, validation = { start: 800, end: 1000 }
 * ```
 */
export function chronologicalSplit(
  ds: Pick<Dataset, "rows" | "timestamps">,
  validationFraction: number,
): ChronologicalSplit {
  if (
    typeof validationFraction !== "number" ||
    !(validationFraction > 0 && validationFraction < 1)
  ) {
    throw new DatasetError(
      "INVALID_SPLIT",
      `validationFraction must be a number in (0, 1), got ${String(validationFraction)}`,
    );
  }
  const { rows, timestamps } = ds;
  if (!(rows >= 2)) {
    throw new DatasetError(
      "INVALID_SPLIT",
      `cannot split ${rows} row(s) in time: need at least 2 rows with distinct timestamps`,
    );
  }
  const target = Math.min(rows - 1, Math.max(1, Math.round(rows * (1 - validationFraction))));
  // Nearest group boundary at or below the target, and at or above it.
  let lo = target;
  while (lo > 0 && timestamps[lo] === timestamps[lo - 1]) lo--;
  let hi = target;
  while (hi < rows && timestamps[hi] === timestamps[hi - 1]) hi++;
  const loOk = lo > 0;
  const hiOk = hi < rows;
  if (!loOk && !hiOk) {
    throw new DatasetError(
      "INVALID_SPLIT",
      `cannot split ${rows} rows in time: they span fewer than two distinct timestamps`,
    );
  }
  const cut = !hiOk || (loOk && target - lo <= hi - target) ? lo : hi;
  // Defensive: both sides must hold at least one row.
  if (!(cut > 0 && cut < rows)) {
    throw new DatasetError(
      "INVALID_SPLIT",
      `cannot split ${rows} rows in time: the cut would leave the train or validation part empty`,
    );
  }
  return {
    train: { start: 0, end: cut },
    validation: { start: cut, end: rows },
    cutTimestamp: formatTimestamp(timestamps[cut]!),
  };
}
