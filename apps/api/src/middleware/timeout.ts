import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors/api-error";
import type { AppEnv } from "../app-env";

/**
 * Gives every request a deadline: after `ms` the request is answered `503 REQUEST_TIMEOUT`.
 * `c.get("requestSignal")()` returns the request's AbortSignal, which aborts at that deadline or
 * when the client goes away. Non-Error throws are wrapped in an Error so `onError` answers them
 * with the envelope.
 *
 * The signal is made on first request for it: on Node 20 an `AbortSignal` costs ~5 µs and reading
 * the client's (`c.req.raw.signal`) makes @hono/node-server build another, about a tenth of a
 * cached `/predict` (serving bench, README "Performance").
 *
 * @example
 * ```ts
 * app.use(requestTimeout(30_000));
 * app.get("/x", (c) => source.getCandles("AAPL", { signal: c.get("requestSignal")() }));
 * ```
 */
export function requestTimeout(ms: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let controller: AbortController | undefined;
    let timedOut: ApiError | undefined;
    c.set("requestSignal", () => {
      if (controller === undefined) {
        controller = new AbortController();
        const client = c.req.raw.signal;
        if (timedOut !== undefined) controller.abort(timedOut);
        else if (client.aborted) controller.abort(client.reason);
        else {
          const own = controller;
          client.addEventListener("abort", () => own.abort(client.reason), { once: true });
        }
      }
      return controller.signal;
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = new ApiError("REQUEST_TIMEOUT", `The request did not finish within ${ms} ms.`);
        controller?.abort(timedOut);
        reject(timedOut);
      }, ms);
    });
    try {
      await Promise.race([next(), deadline]);
    } catch (e) {
      // Hono hands only Error instances to onError; wrap anything else so it gets the envelope too.
      throw e instanceof Error ? e : new Error("A non-Error value was thrown", { cause: e });
    } finally {
      clearTimeout(timer);
    }
  };
}
