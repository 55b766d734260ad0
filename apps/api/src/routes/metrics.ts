import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { renderProcessMetrics } from "../metrics/process-metrics";
import { PROMETHEUS_CONTENT_TYPE } from "../metrics/prometheus";
import type { RouteContext } from "../context/route-context";

const metricsRoute = createRoute({
  method: "get",
  path: "/metrics",
  operationId: "getMetrics",
  tags: ["system"],
  summary: "Prometheus metrics",
  description:
    "Prometheus text format 0.0.4: HTTP requests and latency by route pattern and status, requests in flight, upstream calls/retries/failures and circuit state, cache hits/misses, predictions by model version, active model version; plus the standard process and Node.js series of prom-client's default collectors (process_cpu_seconds_total, process_resident_memory_bytes, nodejs_eventloop_lag_seconds, nodejs_gc_duration_seconds, nodejs_heap_size_used_bytes, ...).",
  responses: {
    200: {
      description: "Metrics in Prometheus text format.",
      content: {
        "text/plain": {
          schema: z.string().openapi({
            example: 'mle_http_requests_total{method="GET",route="/health",status="200"} 3',
          }),
        },
      },
    },
  },
});

/** `GET /metrics`. */
export function registerMetricsRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openapi(metricsRoute, async (c) => {
    const text = ctx.metrics.registry.render() + (await renderProcessMetrics());
    return c.text(text, 200, { "content-type": PROMETHEUS_CONTENT_TYPE });
  });
}
