/**
 * The API's message policy for a library error's `{ code, message }`: the status from the one
 * table, the domain message (scrubbed) only for codes whose messages are safe to show, else the
 * fixed public message. Used by `onError` and for each failed item of `POST /predict/batch`.
 * @module
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  type ApiErrorCode,
  isApiErrorCode,
  PASS_THROUGH_MESSAGE,
  PUBLIC_MESSAGE,
  statusForCode,
} from "./status-map";

/** What a client sees of an error. */
export interface PublicError {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly status: ContentfulStatusCode;
}

/** Strips anything that looks like a URL or an absolute file path from a client-facing message. */
export function scrubMessage(message: string): string {
  return message
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, "<url>")
    .replace(/(?:[A-Za-z]:)?[\\/](?:[^\s\\/'"`]+[\\/])+[^\s'"`]*/g, "<path>")
    .slice(0, 500);
}

/**
 * The public form of a library error; a code this API does not know becomes INTERNAL_ERROR.
 *
 * @example
 * ```ts
 * toPublicError({ code: "INVALID_SYMBOL", message: "…" }); // { code, message, status: 422 }
 * ```
 */
export function toPublicError(error: {
  readonly code: string;
  readonly message: string;
}): PublicError {
  const code: ApiErrorCode = isApiErrorCode(error.code) ? error.code : "INTERNAL_ERROR";
  const message = PASS_THROUGH_MESSAGE.has(code)
    ? scrubMessage(error.message)
    : PUBLIC_MESSAGE[code];
  return { code, message, status: statusForCode(code) };
}

/** A batch item as the API sends it: a failed item's error carries its public form and status. */
export type PublicBatchItem<T> =
  | { readonly symbol: string; readonly ok: true; readonly result: T }
  | { readonly symbol: string; readonly ok: false; readonly error: PublicError };

/** Applies {@link toPublicError} to a failed batch item (no URLs or paths reach clients). */
export function publicBatchItem<T>(
  item:
    | { readonly symbol: string; readonly ok: true; readonly result: T }
    | {
        readonly symbol: string;
        readonly ok: false;
        readonly error: { code: string; message: string };
      },
): PublicBatchItem<T> {
  return item.ok ? item : { symbol: item.symbol, ok: false, error: toPublicError(item.error) };
}
