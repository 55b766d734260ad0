import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { nodeRequestHeader, nodeResponse } from "./node-response";

/** The header carrying the request id, in and out. */
export const REQUEST_ID_HEADER = "x-request-id";
/** An incoming request id is reused only when it matches this (else a UUID is generated). */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Sets `c.var.requestId` and the `x-request-id` response header on every response, errors included.
 * Served by @hono/node-server, the header goes on the Node response before the handler runs
 * (see {@link nodeResponse}); elsewhere on `c.res`, checked after the handler.
 *
 * @example
 * ```ts
 * app.use(requestIdMiddleware());
 * ```
 */
export function requestIdMiddleware(
  generate: () => string = randomUUID,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const outgoing = nodeResponse(c);
    const incoming = outgoing
      ? nodeRequestHeader(c, REQUEST_ID_HEADER)
      : c.req.header(REQUEST_ID_HEADER);
    const id = incoming !== undefined && REQUEST_ID_PATTERN.test(incoming) ? incoming : generate();
    c.set("requestId", id);
    if (outgoing) {
      outgoing.setHeader(REQUEST_ID_HEADER, id);
      await next();
      return;
    }
    c.header(REQUEST_ID_HEADER, id);
    await next();
    if (c.res.headers.get(REQUEST_ID_HEADER) !== id) {
      try {
        c.res.headers.set(REQUEST_ID_HEADER, id);
      } catch {
        c.res = new Response(c.res.body, c.res);
        c.res.headers.set(REQUEST_ID_HEADER, id);
      }
    }
  };
}
