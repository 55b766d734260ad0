/** Stable codes of every {@link DatasetError}. */
export const DatasetErrorCode = {
  /** The input is not a record of symbol → candle arrays, or has no symbol. */
  INVALID_INPUT: "INVALID_INPUT",
  /** A candle has an unparseable timestamp or a close that is not a finite number > 0. */
  INVALID_CANDLE: "INVALID_CANDLE",
  /** A symbol's candles are not in strictly increasing timestamp order (or repeat a timestamp). */
  UNSORTED_INPUT: "UNSORTED_INPUT",
  /** A symbol has too few candles to yield one labeled row after the feature warm-up. */
  INSUFFICIENT_DATA: "INSUFFICIENT_DATA",
  /** A split or fold request cannot be met (fraction outside (0, 1), too few distinct timestamps, ...). */
  INVALID_SPLIT: "INVALID_SPLIT",
} as const;

export type DatasetErrorCode = (typeof DatasetErrorCode)[keyof typeof DatasetErrorCode];

export interface DatasetErrorOptions {
  /** The symbol at fault, when one is. */
  readonly symbol?: string;
  /** Index of the candle at fault within its symbol's array. */
  readonly index?: number;
  readonly cause?: unknown;
}

/**
 * The one error type thrown by `@mle/dataset`. `code` is stable; `symbol` and `index` locate
 * the candle at fault.
 *
 * @example
 * ```ts
 * try { buildDataset({ AAA: candles }, spec); }
 * catch (e) { if (isDatasetError(e)) console.log(e.code, e.symbol, e.index); } // UNSORTED_INPUT AAA 17
 * ```
 */
export class DatasetError extends Error {
  override name = "DatasetError" as const;
  readonly code: DatasetErrorCode;
  readonly symbol: string | undefined;
  readonly index: number | undefined;

  constructor(code: DatasetErrorCode, message: string, options: DatasetErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.symbol = options.symbol;
    this.index = options.index;
  }
}

/**
 * True for a {@link DatasetError}, also one created by another loaded copy of this package
 * (matched by `name` and a string `code`).
 *
 * @example
 * ```ts
 * if (isDatasetError(err) && err.code === "INSUFFICIENT_DATA") exitCode = 1;
 * ```
 */
export function isDatasetError(error: unknown): error is DatasetError {
  if (error instanceof DatasetError) return true;
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "DatasetError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}
