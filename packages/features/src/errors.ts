/** Stable codes of every {@link FeatureError}. */
export const FeatureErrorCode = {
  /** `lookback` is not an integer in [MIN_LOOKBACK, MAX_LOOKBACK]. */
  INVALID_LOOKBACK: "INVALID_LOOKBACK",
  /** A requested feature name is not one of `FEATURE_NAMES`. */
  UNKNOWN_FEATURE: "UNKNOWN_FEATURE",
  /** The spec is not an object, or its feature list is empty or has duplicates. */
  INVALID_SPEC: "INVALID_SPEC",
  /** An input value is not usable: a close that is not a finite number > 0, or a bar without a timestamp. */
  INVALID_INPUT: "INVALID_INPUT",
} as const;

export type FeatureErrorCode = (typeof FeatureErrorCode)[keyof typeof FeatureErrorCode];

export interface FeatureErrorOptions {
  /** Input index of the offending value, when one value is at fault. */
  readonly index?: number;
  /** Name of the offending field (`close`, `timestamp`, `lookback`, `features`). */
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
