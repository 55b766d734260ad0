import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { Logger } from "pino";
import type { AppEnv } from "../env";
import type { ApiMetrics } from "../metrics/api-metrics";

/** Route label for requests that matched no route (keeps metric cardinality bounded). */
export const UNMATCHED_ROUTE = "unmatched";

/** The route pattern (e.g. `/api/v1/features`) that answered, never the raw path. */
export function routePattern(c: Context): string {
  const routes = matchedRoutes(c).filter((r) => r.method !== "ALL");
  return routes.at(-1)?.path ?? UNMATCHED_ROUTE;
}

/**
 * Binds a request-scoped child logger, then writes one JSON line per request
 * (method, path, route, status, duration_ms, request_id) and records the HTTP metrics.
 */
export function accessLog(options: {
  logger: Logger;
  metrics: ApiMetrics;
  now: () => number;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = options.now();
    const log = options.logger.child({ request_id: c.var.requestId });
    c.set("log", log);
    await next();
    const durationMs = Math.max(0, options.now() - started);
    const status = c.res.status;
    const route = routePattern(c);
    const labels = { method: c.req.method, route, status: String(status) };
    options.metrics.httpRequests.inc(labels);
    options.metrics.httpDuration.observe(labels, durationMs / 1000);
    const line = {
      method: c.req.method,
      path: c.req.path,
      route,
      status,
      duration_ms: Math.round(durationMs * 1000) / 1000,
    };
    if (status >= 500) log.error(line, "request");
    else log.info(line, "request");
  };
}
