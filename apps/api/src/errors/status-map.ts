import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The one table from error `code` to HTTP status. Every error body the API sends uses one of
 * these codes; anything not listed here becomes `500 INTERNAL_ERROR`.
 * A new code is added here and nowhere else.
 */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 422,
  INVALID_SYMBOL: 422,
  INVALID_VERSION: 422,
  INSUFFICIENT_DATA: 422,
  SYMBOL_NOT_FOUND: 404,
  MODEL_NOT_FOUND: 404,
  ALIAS_NOT_FOUND: 404,
  PREDICTIONS_NOT_FOUND: 404,
  INVALID_NAME: 422,
  ALIAS_CONFLICT: 409,
  NO_PREVIOUS_VERSION: 409,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  BAD_REQUEST: 400,
  CLIENT_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
  UNAUTHORIZED: 401,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UPSTREAM_BAD_RESPONSE: 502,
  NON_FINITE_FEATURE: 502,
  UPSTREAM_UNAVAILABLE: 503,
  NO_ACTIVE_MODEL: 503,
  MODEL_CORRUPT: 503,
  INCOMPATIBLE_MODEL: 503,
  NON_FINITE_PREDICTION: 503,
  REGISTRY_IO: 503,
  REGISTRY_UNAVAILABLE: 503,
  HISTORY_CORRUPT: 503,
  REQUEST_TIMEOUT: 503,
  UPSTREAM_TIMEOUT: 504,
  INTERNAL_ERROR: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

/** Every code an error body of this API can carry. */
export type ApiErrorCode = keyof typeof ERROR_STATUS;

/** The HTTP status for `code`. */
export function statusForCode(code: ApiErrorCode): ContentfulStatusCode {
  return ERROR_STATUS[code];
}

/** Narrows an arbitrary string (a domain error's `code`) to a code this API knows. */
export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === "string" && Object.hasOwn(ERROR_STATUS, code);
}

/**
 * Codes whose domain message is shown to the client. The others get the fixed public message
 * below, because their domain messages can name upstream URLs or registry file paths.
 */
export const PASS_THROUGH_MESSAGE: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>([
  "INVALID_SYMBOL",
  "INVALID_VERSION",
  "INSUFFICIENT_DATA",
  "SYMBOL_NOT_FOUND",
  "MODEL_NOT_FOUND",
  "ALIAS_NOT_FOUND",
  "PREDICTIONS_NOT_FOUND",
  "INVALID_NAME",
  "ALIAS_CONFLICT",
  "NO_PREVIOUS_VERSION",
  "HISTORY_CORRUPT",
  "NO_ACTIVE_MODEL",
  "INCOMPATIBLE_MODEL",
  "NON_FINITE_PREDICTION",
]);

/** The message sent for codes whose domain message is not passed through. */
export const PUBLIC_MESSAGE: Readonly<Record<ApiErrorCode, string>> = {
  VALIDATION_ERROR: "The request is invalid.",
  INVALID_SYMBOL: "The symbol is invalid.",
  INVALID_VERSION: "The model version is invalid.",
  INSUFFICIENT_DATA: "Not enough market data for this request.",
  SYMBOL_NOT_FOUND: "Unknown symbol.",
  MODEL_NOT_FOUND: "Unknown model version.",
  ALIAS_NOT_FOUND: "Unknown model alias.",
  PREDICTIONS_NOT_FOUND: "This model version has no stored predictions.",
  INVALID_NAME: "The model or alias name is invalid.",
  ALIAS_CONFLICT: "The alias was moved by another writer; nothing changed.",
  NO_PREVIOUS_VERSION: "The alias has no previous version to roll back to.",
  NOT_FOUND: "No such route.",
  METHOD_NOT_ALLOWED: "Method not allowed on this route.",
  BAD_REQUEST: "The request is not valid HTTP.",
  CLIENT_TIMEOUT: "The request did not arrive in time.",
  HEADERS_TOO_LARGE: "The request headers are too large.",
  UNAUTHORIZED: "A valid bearer token is required.",
  PAYLOAD_TOO_LARGE: "The request body is too large.",
  UNSUPPORTED_MEDIA_TYPE: "The request body must be application/json.",
  UPSTREAM_BAD_RESPONSE: "The market data upstream sent an invalid response.",
  NON_FINITE_FEATURE: "The market data gives a feature that is not a finite number.",
  UPSTREAM_UNAVAILABLE: "The market data upstream is unavailable; retry later.",
  NO_ACTIVE_MODEL: "No model is active.",
  MODEL_CORRUPT: "The model artifacts failed their integrity check.",
  INCOMPATIBLE_MODEL: "The model's feature spec cannot be computed by this server.",
  NON_FINITE_PREDICTION: "The model produced a prediction that is not a finite number.",
  REGISTRY_IO: "The model registry could not be read or written; retry later.",
  REGISTRY_UNAVAILABLE: "The model registry's store is unreachable; retry later.",
  HISTORY_CORRUPT: "The alias history failed its integrity check.",
  REQUEST_TIMEOUT: "The request took too long and was abandoned.",
  UPSTREAM_TIMEOUT: "The market data upstream timed out.",
  INTERNAL_ERROR: "Internal server error.",
};
