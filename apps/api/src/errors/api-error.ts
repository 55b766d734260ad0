import type { ApiErrorCode } from "./status-map";

/** One field-level problem in a `VALIDATION_ERROR`. */
export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
}

/**
 * An error raised by the API layer itself (not a library). `onError` turns it into the
 * envelope with the status from the status map.
 *
 * @example
 * ```ts
 * throw new ApiError("UNAUTHORIZED", "A valid bearer token is required.");
 * ```
 */
export class ApiError extends Error {
  override name = "ApiError" as const;
  readonly code: ApiErrorCode;
  readonly details: readonly ErrorDetail[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(
    code: ApiErrorCode,
    message: string,
    options: {
      details?: readonly ErrorDetail[];
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }
}

/** True for an {@link ApiError}, also when it comes from another loaded copy of this module. */
export function isApiError(e: unknown): e is ApiError {
  return (
    e instanceof ApiError ||
    (e instanceof Error &&
      e.name === "ApiError" &&
      typeof (e as { code?: unknown }).code === "string")
  );
}
