import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { nodeResponse } from "./node-response";

/**
 * The security headers on every response: the set hono's `secureHeaders()` sends with its
 * defaults, computed once. Names in lower case, as `Headers` sends them.
 */
export const SECURE_HEADERS: ReadonlyArray<readonly [name: string, value: string]> = [
  ["cross-origin-resource-policy", "same-origin"],
  ["cross-origin-opener-policy", "same-origin"],
  ["origin-agent-cluster", "?1"],
  ["referrer-policy", "no-referrer"],
  ["strict-transport-security", "max-age=15552000; includeSubDomains"],
  ["x-content-type-options", "nosniff"],
  ["x-dns-prefetch-control", "off"],
  ["x-download-options", "noopen"],
  ["x-frame-options", "SAMEORIGIN"],
  ["x-permitted-cross-domain-policies", "none"],
  ["x-xss-protection", "0"],
];

/**
 * Sets {@link SECURE_HEADERS} on every response, errors included. Served by @hono/node-server,
 * they go on the Node response before the handler runs (one `setHeader` each, no `Headers`
 * object); elsewhere (`app.request()`) on `c.res` after it. No route sets any of them itself.
 *
 * @example
 * ```ts
 * app.use(secureHeadersMiddleware());
 * ```
 */
export function secureHeadersMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const outgoing = nodeResponse(c);
    if (outgoing) {
      for (const [name, value] of SECURE_HEADERS) outgoing.setHeader(name, value);
      await next();
      return;
    }
    await next();
    for (const [name, value] of SECURE_HEADERS) c.res.headers.set(name, value);
    c.res.headers.delete("x-powered-by");
  };
}
