/** Stable codes of every {@link EvaluationError}. */
export const EvaluationErrorCode = {
  /** An input series is empty where it must not be, holds a non-finite value, or two series differ in length. */
  INVALID_INPUT: "INVALID_INPUT",
  /** An option is out of range: a level outside (0, 1), a negative lag, a bucket count below 1, ... */
  INVALID_OPTIONS: "INVALID_OPTIONS",
} as const;

export type EvaluationErrorCode = (typeof EvaluationErrorCode)[keyof typeof EvaluationErrorCode];

export interface EvaluationErrorOptions {
  /** The argument or option at fault (`predicted`, `level`, `lag`, ...). */
  readonly path?: string;
  readonly cause?: unknown;
}

/**
 * The one error type thrown by `@mle/evaluation`. It marks a caller's mistake (mismatched
 * lengths, NaN in the data, a level of 1.5). A statistic that the data cannot support (zero
 * variance, too few rows) is not an error: it comes back as a {@link NotDefined} result.
 *
 * @example
 * ```ts
 * try { dieboldMariano([0.1], [0.2, 0.3]); }
 * catch (e) { if (isEvaluationError(e)) console.log(e.code, e.path); } // INVALID_INPUT baseline
 * ```
 */
export class EvaluationError extends Error {
  override name = "EvaluationError" as const;
  readonly code: EvaluationErrorCode;
  readonly path: string | undefined;

  constructor(code: EvaluationErrorCode, message: string, options: EvaluationErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
  }
}

/**
 * True for an {@link EvaluationError}, also one created by another loaded copy of this package
 * (matched by `name` and a string `code`).
 */
export function isEvaluationError(error: unknown): error is EvaluationError {
  if (error instanceof EvaluationError) return true;
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "EvaluationError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}
