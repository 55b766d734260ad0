/**
 * The `{ code, message, status }` envelope used per symbol by predictBatch, with the same status
 * map as the HTTP API (docs/architecture.md).
 * @module
 */
import { isMarketDataError } from "@mle/market-client";
import { isInferenceError } from "./errors";

/** One failed item of a batch. */
export interface ErrorEnvelope {
  readonly code: string;
  readonly message: string;
  readonly status: number;
}

/**
 * HTTP status of every code `@mle/inference` can surface (every InferenceErrorCode and every
 * MarketDataErrorCode; error-envelope.test.ts fails when one is missing).
 */
export const ERROR_STATUS: Readonly<Record<string, number>> = Object.freeze({
  VALIDATION_ERROR: 422,
  INVALID_SYMBOL: 422,
  SYMBOL_NOT_FOUND: 404,
  MODEL_NOT_FOUND: 404,
  INVALID_VERSION: 422,
  INSUFFICIENT_DATA: 422,
  INCOMPATIBLE_MODEL: 503,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_UNAVAILABLE: 503,
  NO_ACTIVE_MODEL: 503,
  MODEL_CORRUPT: 503,
  REGISTRY_IO: 503,
  UPSTREAM_TIMEOUT: 504,
  CONFIG_ERROR: 500,
  INTERNAL_ERROR: 500,
});

/**
 * The envelope of an error: project errors keep their code and message; anything else becomes
 * INTERNAL_ERROR with a generic message (never a stack, path or environment value).
 *
 * @example
 * ```ts
 * toErrorEnvelope(new InferenceError("NO_ACTIVE_MODEL", "…")); // { code: "NO_ACTIVE_MODEL", message: "…", status: 503 }
 * ```
 */
export function toErrorEnvelope(error: unknown): ErrorEnvelope {
  if (isInferenceError(error) || isMarketDataError(error)) {
    const code = error.code;
    return { code, message: error.message, status: ERROR_STATUS[code] ?? 500 };
  }
  return { code: "INTERNAL_ERROR", message: "Internal error while predicting", status: 500 };
}
