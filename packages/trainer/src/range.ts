import { TrainerError } from "./errors";

/** Half-open row interval `[start, end)` into a dataset (structurally the same as `@mle/dataset`'s). */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** The columnar data a fit reads: row-major `X` (`rows * cols`) and the target `y`. */
export interface DesignData {
  readonly X: Float64Array;
  readonly y: Float64Array;
  readonly cols: number;
}

/** Throws `INVALID_OPTIONS` unless `range` is a valid integer interval inside the data. */
export function checkRange(data: DesignData, range: RowRange): void {
  const { cols } = data;
  if (!Number.isInteger(cols) || cols < 0) {
    throw new TrainerError("INVALID_OPTIONS", `cols must be a non-negative integer, got ${cols}`, {
      path: "cols",
    });
  }
  const rows = data.y.length;
  if (data.X.length !== rows * cols) {
    throw new TrainerError(
      "INVALID_OPTIONS",
      `X has ${data.X.length} values, expected y.length * cols = ${rows * cols}`,
      { path: "X" },
    );
  }
  const { start, end } = range;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > rows ||
    start > end
  ) {
    throw new TrainerError(
      "INVALID_OPTIONS",
      `row range [${start}, ${end}) is not inside [0, ${rows})`,
      { path: "range" },
    );
  }
}
