import { isDatasetError } from "@mle/dataset";
import { isFeatureError } from "@mle/features";
import { isInferenceError } from "@mle/inference";
import { isJobsError } from "@mle/jobs";
import { isMarketDataError } from "@mle/market-client";
import { isRegistryError } from "@mle/registry";
import { isTrainerError } from "@mle/trainer";

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
]);
