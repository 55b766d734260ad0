/**
 * Typed errors of `@mle/inference`: one base class, a `code` from a const object, a guard
 * that also matches by `name` so it works across two loaded copies of the package.
 * @module
 */

/** Every failure `@mle/inference` itself raises. Market-data errors pass through untouched. */
export const InferenceErrorCode = {
  /** The registry has no active version (nothing trained yet, or the pointer is missing). */
  NO_ACTIVE_MODEL: "NO_ACTIVE_MODEL",
  /** The requested version does not exist. */
  MODEL_NOT_FOUND: "MODEL_NOT_FOUND",
  /**
   * The model's output is not a finite number (its numbers are finite but overflow on these
   * features, e.g. coefficients of 1e308): never answered as `null`.
   */
  NON_FINITE_PREDICTION: "NON_FINITE_PREDICTION",
  /** The requested alias is not set on the model. */
  ALIAS_NOT_FOUND: "ALIAS_NOT_FOUND",
  /** The registry's store cannot be reached (S3 down, network); the loaded model keeps serving. */
  REGISTRY_UNAVAILABLE: "REGISTRY_UNAVAILABLE",
  /** The requested version is not a version name (`v1`, `v2`, ... or the alias `active`). */
  INVALID_VERSION: "INVALID_VERSION",
  /** The version exists but its artifacts fail verification or cannot be read. */
  MODEL_CORRUPT: "MODEL_CORRUPT",
  /** The model is intact but its feature spec cannot be served by this build. */
  INCOMPATIBLE_MODEL: "INCOMPATIBLE_MODEL",
  /** The registry folder itself cannot be read (missing permission, a file instead of a folder). */
  REGISTRY_IO: "REGISTRY_IO",
  /**
   * A feature of the latest candle is not a finite number (valid candles whose arithmetic
   * overflows): the market data cannot be served, so the API answers it like a bad upstream body.
   */
  NON_FINITE_FEATURE: "NON_FINITE_FEATURE",
} as const;

export type InferenceErrorCode = (typeof InferenceErrorCode)[keyof typeof InferenceErrorCode];

/** Options of an {@link InferenceError}. */
export interface InferenceErrorOptions {
  readonly cause?: unknown;
  /** The model version concerned, when there is one. */
  readonly version?: string;
}

/**
 * The one error class of `@mle/inference`.
 *
 * @example
 * ```ts
 * throw new InferenceError("MODEL_NOT_FOUND", "Model version v9 does not exist", { version: "v9" });
 * ```
 */
export class InferenceError extends Error {
  override name = "InferenceError" as const;
  readonly code: InferenceErrorCode;
  readonly version: string | undefined;

  constructor(code: InferenceErrorCode, message: string, options: InferenceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.version = options.version;
  }
}

/**
 * True for an {@link InferenceError}, also one thrown by another loaded copy of the package.
 *
 * @example
 * ```ts
 * try { await predictor.predict("AAPL"); } catch (e) { if (isInferenceError(e)) console.log(e.code); }
 * ```
 */
export function isInferenceError(error: unknown): error is InferenceError {
  if (error instanceof InferenceError) return true;
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return (
    candidate.name === "InferenceError" &&
    typeof candidate.code === "string" &&
    Object.hasOwn(InferenceErrorCode, candidate.code)
  );
}

/** The message users see when nothing has been trained yet. */
export const NO_ACTIVE_MODEL_MESSAGE =
  "No active model in the registry. Train one first: `pnpm --filter @mle/cli train` (or `mle train`), then retry.";
