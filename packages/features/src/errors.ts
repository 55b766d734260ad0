/** Stable codes of every {@link FeatureError}. */
export const FeatureErrorCode = {
  /** `lookback` is not an integer in [MIN_LOOKBACK, MAX_LOOKBACK]. */
  INVALID_LOOKBACK: "INVALID_LOOKBACK",
  /** A requested feature name is not one of `FEATURE_NAMES`. */
  UNKNOWN_FEATURE: "UNKNOWN_FEATURE",
  /** The spec is not an object, or its feature list is empty or has duplicates. */
  INVALID_SPEC: "INVALID_SPEC",
  /** A column parameter is out of range, unknown to its feature, or given in the wrong number. */
  INVALID_PARAMETER: "INVALID_PARAMETER",
  /** An input value is not usable: a price that is not a finite number > 0, a negative volume, a missing field, a bar without a timestamp. */
  INVALID_INPUT: "INVALID_INPUT",
  /** A candle's prices are out of order: not `low <= min(open, close) <= max(open, close) <= high`. */
  INVALID_CANDLE: "INVALID_CANDLE",
  /** Fewer candles than one row needs (the default error of `fetchFeatures`). */
  INSUFFICIENT_DATA: "INSUFFICIENT_DATA",
  /** `FeatureStream.replace` before any bar was pushed (or right after `reset`). */
  NOTHING_TO_REPLACE: "NOTHING_TO_REPLACE",
  /** A programming error in an argument other than the spec or the data (e.g. `rows` < 1). */
  INVALID_ARGUMENT: "INVALID_ARGUMENT",
} as const;

export type FeatureErrorCode = (typeof FeatureErrorCode)[keyof typeof FeatureErrorCode];

export interface FeatureErrorOptions {
  /** Input index of the offending value, when one value is at fault. */
  readonly index?: number;
  /** Name of the offending field (`close`, `high`, `timestamp`, `lookback`, `features`, `features[2].window`). */
  readonly field?: string;
  readonly cause?: unknown;
}

/**
 * The one error type thrown by `@mle/features`. `code` is stable; `index` names the input row at fault.
 *
 * @example
 * ```ts
 * try { computeFeatures([100, -1, 101], { lookback: 2, features: ["close"] }); }
 * catch (e) { if (isFeatureError(e)) console.log(e.code, e.index); } // INVALID_INPUT 1
 * ```
 */
export class FeatureError extends Error {
  override name = "FeatureError" as const;
  readonly code: FeatureErrorCode;
  readonly index: number | undefined;
  readonly field: string | undefined;

  constructor(code: FeatureErrorCode, message: string, options: FeatureErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.index = options.index;
    this.field = options.field;
  }
}

/**
 * True for a {@link FeatureError}, also one created by another loaded copy of this package
 * (matched by `name` and a string `code`).
 *
 * @example
 * ```ts
 * if (isFeatureError(err) && err.code === "INVALID_LOOKBACK") respond422(err.message);
 * ```
 */
export function isFeatureError(error: unknown): error is FeatureError {
  if (error instanceof FeatureError) return true;
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "FeatureError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}
