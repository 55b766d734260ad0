import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors/api-error";
import type { AppEnv } from "../env";

/**
 * Gives every request an AbortSignal (`c.var.signal`) and a deadline: after `ms` the signal aborts
 * and the request is answered `503 REQUEST_TIMEOUT`. The signal also aborts when the client leaves.
 * Non-Error throws are wrapped in an Error so `onError` answers them with the envelope.
 *
 * @example
 * ```ts
 * app.use(requestTimeout(30_000));
 * ```
 */
export function requestTimeout(ms: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const controller = new AbortController();
    c.set("signal", AbortSignal.any([controller.signal, c.req.raw.signal]));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new ApiError(
          "REQUEST_TIMEOUT",
          `The request did not finish within ${ms} ms.`,
        );
        controller.abort(error);
        reject(error);
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
