import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { isApiError } from "./api-error";
import { asDomainError } from "./domain";
import { errorResponse } from "./envelope";
import { toPublicError } from "./public-error";
import { type ApiErrorCode, isApiErrorCode, PUBLIC_MESSAGE, statusForCode } from "./status-map";

const HTTP_EXCEPTION_CODES: Readonly<Record<number, ApiErrorCode>> = {
  400: "VALIDATION_ERROR",
  401: "UNAUTHORIZED",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  408: "REQUEST_TIMEOUT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  422: "VALIDATION_ERROR",
  503: "REQUEST_TIMEOUT",
};

/**
 * Builds the one `onError` handler: API errors, library errors (matched with the packages'
 * guards, mapped by `code`) and Hono HTTP exceptions become the envelope; everything else is
 * logged with its stack and answered `500 INTERNAL_ERROR` with a generic message.
 */
export function createErrorHandler(getLogger: (c: Context) => Logger): ErrorHandler {
  return (err, c) => {
    const log = getLogger(c);
    if (isApiError(err)) {
      return errorResponse(c, err.code, err.message, {
        ...(err.details === undefined ? {} : { details: err.details }),
        ...(err.headers === undefined ? {} : { headers: { ...err.headers } }),
      });
    }
    const domain = asDomainError(err);
    if (domain !== undefined && isApiErrorCode(domain.code) && domain.code !== "INTERNAL_ERROR") {
      // A caller's mistake (unknown version or symbol, too little data) is info without a stack:
      // any client can cause one per request, and a stack per line would flood the logs.
      if (statusForCode(domain.code) < 500) log.info({ code: domain.code }, "request refused");
      else log.warn({ err, code: domain.code }, "request failed with a domain error");
      const { code, message } = toPublicError(domain);
      return errorResponse(c, code, message);
    }
    if (err instanceof HTTPException) {
      const code = HTTP_EXCEPTION_CODES[err.status];
      if (code !== undefined) {
        if (err.status >= 500) log.warn({ err }, "request aborted");
        return errorResponse(c, code, PUBLIC_MESSAGE[code]);
      }
    }
    log.error({ err }, "unhandled error");
    return errorResponse(c, "INTERNAL_ERROR", PUBLIC_MESSAGE.INTERNAL_ERROR);
  };
}
