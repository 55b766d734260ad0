import type { ErrorEnvelope } from "@mle/inference";
import { scrubMessage } from "./on-error";
import {
  type ApiErrorCode,
  isApiErrorCode,
  PASS_THROUGH_MESSAGE,
  PUBLIC_MESSAGE,
} from "./status-map";

/** A per-item error as a client may see it. */
export interface PublicItemError {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly status: number;
}

/**
 * Applies the API's message policy to a batch item's error (no URLs or paths reach clients): the
 * same rule `onError` applies to a thrown domain error.
 */
export function publicBatchError(error: ErrorEnvelope): PublicItemError {
  const { code, status } = error;
  if (!isApiErrorCode(code)) {
    return { code: "INTERNAL_ERROR", message: PUBLIC_MESSAGE.INTERNAL_ERROR, status: 500 };
  }
  const message = PASS_THROUGH_MESSAGE.has(code)
    ? scrubMessage(error.message)
    : PUBLIC_MESSAGE[code];
  return { code, message, status };
}
