import type { MiddlewareHandler } from "hono";
import type { Lifecycle } from "../lifecycle";

/**
 * While draining, every answer carries `Connection: close`: a keep-alive client (a load
 * balancer's pool) then leaves this connection after the answer instead of sending its next
 * request to a process about to exit. Node closes the socket after such a response.
 */
export function drainingMiddleware(lifecycle: Lifecycle): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (lifecycle.draining) c.header("Connection", "close");
  };
}
