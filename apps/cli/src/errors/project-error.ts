import { isDatasetError } from "@mle/dataset";
import { isFeatureError } from "@mle/features";
import { isMarketDataError } from "@mle/market-client";
import { isRegistryError } from "@mle/registry";

/** The shape every @mle library error shares. */
export interface ProjectError extends Error {
  readonly code: string;
}

/** Libraries whose guards are not exported yet are matched by class name, as their guards do. */
const NAMES_WITHOUT_GUARD: ReadonlySet<string> = new Set([
  "DatasetError",
  "TrainerError",
  "InferenceError",
]);

/**
 * True for an error thrown by one of the @mle libraries, through each package's own guard
 * (which also matches a second loaded copy by name).
 *
 * @example
 * if (isProjectError(e)) console.error(e.code);
 */
export function isProjectError(e: unknown): e is ProjectError {
  if (isFeatureError(e) || isMarketDataError(e) || isDatasetError(e) || isRegistryError(e)) {
    return true;
  }
  return (
    e instanceof Error &&
    NAMES_WITHOUT_GUARD.has(e.name) &&
    typeof (e as { code?: unknown }).code === "string"
  );
}

/** Library codes that mean the user asked for something invalid (exit 2, not 1). */
export const USAGE_CODES: ReadonlySet<string> = new Set([
  "CONFIG_ERROR",
  "INVALID_SYMBOL",
  "INVALID_LOOKBACK",
  "UNKNOWN_FEATURE",
  "INVALID_SPEC",
  "INVALID_OPTIONS",
  "INVALID_VERSION",
  "INVALID_ARGUMENT",
]);
