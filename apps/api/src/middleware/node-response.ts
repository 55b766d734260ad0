import type { ServerResponse } from "node:http";
import type { Context } from "hono";

/**
 * The Node `ServerResponse` behind `c` when the app is served by @hono/node-server (`c.env`
 * holds `{ incoming, outgoing }`), else undefined (`app.request()`, other runtimes).
 *
 * Headers set on it with `setHeader` before the response is written are merged into the
 * response's own by `writeHead` (the response's values win on a clash). That costs a fraction
 * of `Headers.set` on `c.res.headers`, which also turns @hono/node-server's plain-object header
 * fast path into a full `Headers` object (serving bench, README "Performance").
 *
 * @example
 * ```ts
 * const out = nodeResponse(c);
 * if (out) out.setHeader("x-request-id", id);
 * else c.header("x-request-id", id);
 * ```
 */
export function nodeResponse(c: Context): ServerResponse | undefined {
  const env = c.env as { outgoing?: unknown } | undefined;
  const outgoing = env?.outgoing;
  return typeof outgoing === "object" &&
    outgoing !== null &&
    typeof (outgoing as ServerResponse).setHeader === "function" &&
    !(outgoing as ServerResponse).headersSent
    ? (outgoing as ServerResponse)
    : undefined;
}

/**
 * Header `name` (lower case) of the Node request behind `c`, read from Node's own parsed headers:
 * `c.req.header()` would make @hono/node-server build a `Headers` from all of them first. A
 * repeated header comes joined with ", ", as `Headers.get` joins it. Undefined when absent or when
 * not served by @hono/node-server.
 *
 * @example
 * ```ts
 * const id = nodeRequestHeader(c, "x-request-id") ?? c.req.header("x-request-id");
 * ```
 */
export function nodeRequestHeader(c: Context, name: string): string | undefined {
  const env = c.env as { incoming?: { headers?: Record<string, string | string[] | undefined> } };
  const value = env?.incoming?.headers?.[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
