import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors/api-error";

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Compares two secrets in constant time: both are hashed to equal-length SHA-256 digests first,
 * so neither the content nor the length of the expected token leaks through timing.
 */
export function tokensEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Guards mutating endpoints. Without a configured token the endpoint does not exist (404
 * NOT_FOUND); with one, the request needs `Authorization: Bearer <token>` (else 401 UNAUTHORIZED).
 *
 * @example
 * ```ts
 * app.use("/models/:version/activate", adminAuth(config.adminToken));
 * ```
 */
export function adminAuth(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (token === undefined || token === "") {
      throw new ApiError("NOT_FOUND", "This endpoint is disabled: the server has no ADMIN_TOKEN.");
    }
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
    if (!match || !tokensEqual(match[1] as string, token)) {
      throw new ApiError("UNAUTHORIZED", "A valid bearer token is required.", {
        headers: { "www-authenticate": 'Bearer realm="mle-admin"' },
      });
    }
    await next();
  };
}
