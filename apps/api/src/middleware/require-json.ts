import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors/api-error";

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Rejects a request whose body is not declared as JSON with `415 UNSUPPORTED_MEDIA_TYPE`
 * (before the body is read). For POST routes with a JSON body.
 *
 * @example
 * ```ts
 * app.use("/predict/batch", requireJson());
 * ```
 */
export function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    if (!JSON_TYPE.test(c.req.header("content-type") ?? "")) {
      throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "The request body must be application/json.");
    }
    await next();
  };
}
