import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRoute } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import type { RouteContext } from "../context/route-context";
import { DRAINING_READINESS } from "../lifecycle";
import { ReadySchema } from "../schemas/inference";

const readyRoute = createRoute({
  method: "get",
  path: "/ready",
  operationId: "getReady",
  tags: ["system"],
  summary: "Readiness",
  description:
    "200 when the registry's active model is loaded and its artifacts verify; 503 otherwise, with `reason` and `code` (NO_ACTIVE_MODEL, MODEL_CORRUPT, MODEL_NOT_FOUND, INCOMPATIBLE_MODEL; SHUTTING_DOWN once a shutdown signal arrived, so a load balancer stops sending). While the registry is damaged the server keeps serving the last good model; `version` names it. `/health` stays a liveness check.",
  responses: {
    200: {
      description: "Ready.",
      content: {
        "application/json": { schema: ReadySchema, example: { ready: true, version: "v2" } },
      },
    },
    503: {
      description: "Not ready; the body says why.",
      content: {
        "application/json": {
          schema: ReadySchema,
          example: {
            ready: false,
            version: null,
            code: "NO_ACTIVE_MODEL",
            reason:
              "No active model in the registry. Train one first: `pnpm --filter @mle/cli train` (or `mle train`), then retry.",
          },
        },
      },
    },
  },
});

/** `GET /ready` (mounted at `/` and `/api/v1`). */
export function registerReadyRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openapi(readyRoute, async (c) => {
    if (ctx.lifecycle?.draining) return c.json(DRAINING_READINESS, 503);
    const predictor = ctx.predictor;
    if (!predictor) {
      return c.json(
        {
          ready: false,
          version: null,
          code: "NO_ACTIVE_MODEL",
          reason: "The server has no model registry.",
        },
        503,
      );
    }
    const readiness = await predictor.readiness();
    return readiness.ready ? c.json(readiness, 200) : c.json(readiness, 503);
  });
}
