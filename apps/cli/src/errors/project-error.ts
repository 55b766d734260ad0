import { isDatasetError } from "@mle/dataset";
import { isFeatureError } from "@mle/features";
import { isInferenceError } from "@mle/inference";
import { isJobsError } from "@mle/jobs";
import { isMarketDataError } from "@mle/market-client";
import { isRegistryError, type RegistryErrorCode } from "@mle/registry";
import { isTrainerError } from "@mle/trainer";
import { ExitCode } from "./exit-codes";

/** The shape every @mle library error shares. */
export interface ProjectError extends Error {
  readonly code: string;
}

/**
 * True for an error thrown by one of the @mle libraries, through each package's own guard
 * (which also matches a second loaded copy by name).
 *
 * @example
 * if (isProjectError(e)) console.error(e.code);
 */
export function isProjectError(e: unknown): e is ProjectError {
  return (
    isFeatureError(e) ||
    isMarketDataError(e) ||
    isDatasetError(e) ||
    isTrainerError(e) ||
    isRegistryError(e) ||
    isInferenceError(e) ||
    isJobsError(e)
  );
}

/**
 * Exit code per registry error code. A `Record` over the registry's code union, so a code the
 * registry adds is a compile error here until someone decides its exit code.
 */
export const REGISTRY_EXIT: Readonly<Record<RegistryErrorCode, ExitCode>> = {
  INVALID_VERSION: ExitCode.USAGE,
  INVALID_NAME: ExitCode.USAGE,
  INVALID_ARGUMENT: ExitCode.USAGE,
  MODEL_NOT_FOUND: ExitCode.RUNTIME,
  ALIAS_NOT_FOUND: ExitCode.RUNTIME,
  MODEL_CORRUPT: ExitCode.RUNTIME,
  NO_ACTIVE_MODEL: ExitCode.RUNTIME,
  NO_PREVIOUS_VERSION: ExitCode.RUNTIME,
  ALIAS_CONFLICT: ExitCode.RUNTIME,
  HISTORY_CORRUPT: ExitCode.RUNTIME,
  REGISTRY_IO: ExitCode.RUNTIME,
  REGISTRY_UNAVAILABLE: ExitCode.RUNTIME,
};

/** Library codes that mean the user asked for something invalid (exit 2, not 1). */
export const USAGE_CODES: ReadonlySet<string> = new Set([
  "CONFIG_ERROR",
  "INVALID_SYMBOL",
  "INVALID_LOOKBACK",
  "UNKNOWN_FEATURE",
  "INVALID_SPEC",
  "INVALID_PARAMETER",
  "INVALID_OPTIONS",
  "INVALID_VERSION",
  "INVALID_ARGUMENT",
  "INVALID_SWEEP",
  "INVALID_REDIS_URL",
  "UNSUPPORTED_MODEL",
  "FEATURE_MISMATCH",
]);

/**
 * The exit code of a library error: the registry's table for registry errors (an unknown code
 * from another loaded copy is a runtime failure), else 2 for {@link USAGE_CODES} and 1 otherwise.
 *
 * @example
 * exitCodeOf(new RegistryError("INVALID_NAME", "bad")); // 2
 */
export function exitCodeOf(error: ProjectError): ExitCode {
  if (isRegistryError(error)) {
    return Object.hasOwn(REGISTRY_EXIT, error.code) ? REGISTRY_EXIT[error.code] : ExitCode.RUNTIME;
  }
  return USAGE_CODES.has(error.code) ? ExitCode.USAGE : ExitCode.RUNTIME;
}
