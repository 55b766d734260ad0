/** Stable codes of every {@link TrainerError}. */
export const TrainerErrorCode = {
  /** The normal equations are singular or too ill-conditioned to solve (e.g. collinear features with `alpha = 0`). */
  SINGULAR_SYSTEM: "SINGULAR_SYSTEM",
  /** Too few rows to fit or to split (fewer than 2 in a fit range, or an empty train/validation/fold). */
  INSUFFICIENT_ROWS: "INSUFFICIENT_ROWS",
  /** The data to fit holds a non-finite value (NaN or ±Infinity) in a feature column or the target. */
  INVALID_DATA: "INVALID_DATA",
  /** An option is missing, of the wrong type, or out of range (`alpha < 0`, `validationFraction` outside (0, 1), ...). */
  INVALID_OPTIONS: "INVALID_OPTIONS",
  /** `--require-skill` and the like: the version's evaluation shows no evidence of skill (or it has no evaluation). */
  NO_SKILL_EVIDENCE: "NO_SKILL_EVIDENCE",
  /** A `model.json` document (or an imported model file) is malformed: wrong shape, length, number or a cycle. */
  INVALID_MODEL: "INVALID_MODEL",
  /** An `evaluation.json` document is not one this build can read (its served interval part is checked). */
  INVALID_EVALUATION: "INVALID_EVALUATION",
  /** An imported model is well formed but uses what this build cannot serve (objective, categorical splits, several targets). */
  UNSUPPORTED_MODEL: "UNSUPPORTED_MODEL",
  /** An imported model's inputs do not match the feature spec it is imported with (count or names). */
  FEATURE_MISMATCH: "FEATURE_MISMATCH",
} as const;

export type TrainerErrorCode = (typeof TrainerErrorCode)[keyof typeof TrainerErrorCode];

export interface TrainerErrorOptions {
  /** The option or model field at fault (`alpha`, `coefficients[2]`, ...). */
  readonly path?: string;
  readonly cause?: unknown;
}

/**
 * The one error type thrown by `@mle/trainer`. `code` is stable; `path` names the option or
 * model field at fault when there is one.
 *
 * @example
 * ```ts
 * try { parseModel({}); }
 * catch (e) { if (isTrainerError(e)) console.log(e.code, e.path); } // INVALID_MODEL format
 * ```
 */
export class TrainerError extends Error {
  override name = "TrainerError" as const;
  readonly code: TrainerErrorCode;
  readonly path: string | undefined;

  constructor(code: TrainerErrorCode, message: string, options: TrainerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
  }
}

/**
 * True for a {@link TrainerError}, also one created by another loaded copy of this package
 * (matched by `name` and a string `code`).
 *
 * @example
 * ```ts
 * if (isTrainerError(err) && err.code === "INVALID_MODEL") markCorrupt(version);
 * ```
 */
export function isTrainerError(error: unknown): error is TrainerError {
  if (error instanceof TrainerError) return true;
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "TrainerError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}
