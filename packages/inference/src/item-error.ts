/**
 * The `{ code, message }` of one failed batch item. Statuses are not this layer's business: the
 * HTTP API maps a code to its status and public message in its one table.
 * @module
 */
import { isMarketDataError } from "@mle/market-client";
import { isInferenceError } from "./errors";

/** Why one item of a batch failed. */
export interface ItemError {
  readonly code: string;
  readonly message: string;
}

/**
 * The error of one batch item: project errors keep their code and message; anything else becomes
 * INTERNAL_ERROR with a generic message (never a stack, path or environment value).
 *
 * @example
 * ```ts
 * toItemError(new InferenceError("NO_ACTIVE_MODEL", "…")); // { code: "NO_ACTIVE_MODEL", message: "…" }
 * ```
 */
export function toItemError(error: unknown): ItemError {
  if (isInferenceError(error) || isMarketDataError(error)) {
    return { code: error.code, message: error.message };
  }
  return { code: "INTERNAL_ERROR", message: "Internal error while predicting" };
}
